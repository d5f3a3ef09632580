//! Evidence-based journaling prompts, gentler when distress is high.
//! (Stub: lands with the prompt-engine issue.)
