//! Self-check questionnaires (ASQ, PHQ-9/2, GAD-7/2), scored exactly as published.
//! (Stub: lands with the self-checks issue.)
