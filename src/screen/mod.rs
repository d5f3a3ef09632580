//! The crisis screen: reads text and decides whether it shows crisis, how urgent it is and why.
//!
//! Pipeline: `normalize` folds the text into words with their original UTF-16 spans; `lexicon`
//! gives each word its id from a hash table (`tables` builds it and the pattern indexes from the
//! compact shipped tables at first use); `matcher` finds the rule patterns (phrases
//! with word classes, optional words and short gaps); `context` judges each match (exclusions,
//! negation, subject, frames, past/now, hyperbole). Rules and word lists are data, in
//! `data/screen/`, compiled in by build/screen.rs. Cost is linear in the text's length.
//!
//! Safe messaging: findings carry rule ids and spans only, never method detail to echo.
//!
//! Someone else at risk (subject `other`) is capped at `concern`, except danger now (an
//! `emergency` finding such as "my friend took a bottle of pills"), which stays `emergency`.

mod context;
mod fold;
mod json;
mod lang;
mod lexicon;
mod matcher;
mod model;
mod normalize;
mod tables;

use crate::{Category, Lang, Level};
use serde::Serialize;
use std::cell::RefCell;

/// Whose risk a finding is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Subject {
    #[serde(rename = "self")]
    Me,
    Other,
}

/// One finding: which rule matched where. `start`/`end` are UTF-16 code units of the original text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Evidence {
    pub category: Category,
    pub level: Level,
    pub subject: Subject,
    pub rule: &'static str,
    pub start: u32,
    pub end: u32,
}

/// A distress cue (level support, no risk category): which rule matched where, in UTF-16 units.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Cue {
    pub rule: &'static str,
    pub start: u32,
    pub end: u32,
}

/// The result of screening one text.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Screening {
    pub level: Level,
    pub categories: Vec<Category>,
    pub evidence: Vec<Evidence>,
    /// Distress cues behind a `support` level (kept even when a crisis finding raises the level).
    pub distress: Vec<Cue>,
}

/// At most this many evidence items (and cues) are returned; the level and categories still
/// reflect every finding. Keeps the output of a huge paste small.
const MAX_EVIDENCE: usize = 64;

#[derive(Default)]
struct Scratch {
    text: normalize::Text,
    hits: Vec<matcher::Hit>,
    matcher: matcher::Scratch,
    findings: Vec<context::Finding>,
    context: context::Scratch,
    model: model::Scratch,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// Screens `text`; `lang` None means detect (mixed or unknown text is screened with every lexicon).
pub fn screen(text: &str, lang: Option<Lang>) -> Screening {
    SCRATCH
        .try_with(|s| match s.try_borrow_mut() {
            Ok(mut s) => screen_with(text, lang, &mut s),
            Err(_) => screen_with(text, lang, &mut Scratch::default()),
        })
        .unwrap_or_else(|_| screen_with(text, lang, &mut Scratch::default()))
}

/// The language of `text` when its function words make it clear; `None` for mixed or unknown.
pub fn detect_lang(text: &str) -> Option<Lang> {
    let mut t = normalize::Text::default();
    normalize::tokenize(text, &mut t, lexicon::emoji());
    lexicon::assign_words(&mut t);
    lang::detect(&t.tokens)
}

/// The words of `text` as the screen reads them (folded, one per token), for tooling: the model
/// trainer learns from exactly what the engine sees.
pub fn words(text: &str) -> Vec<String> {
    let mut t = normalize::Text::default();
    normalize::tokenize(text, &mut t, lexicon::emoji());
    t.tokens
        .iter()
        .filter_map(|tok| t.buf.get(tok.start as usize..tok.end as usize))
        .filter(|w| !w.is_empty())
        .map(|w| String::from_utf8_lossy(w).into_owned())
        .collect()
}

/// The ids of every rule whose pattern matched `text`, markers included (exclusions, frames, past,
/// now), before context judged them, with `!` after a match a negator cancels: for rule authors
/// asking why a message was read as it was, and the word model's trainer (its rule features).
pub fn matched_rules(text: &str) -> Vec<String> {
    let mut t = normalize::Text::default();
    normalize::tokenize(text, &mut t, lexicon::emoji());
    lexicon::assign_words(&mut t);
    let mut hits = Vec::new();
    let (langs, _) = lang::lexicons_of(&t.tokens, None);
    matcher::find(&t.tokens, langs, &mut hits, &mut matcher::Scratch::default());
    let rules = lexicon::rules();
    hits.iter()
        .filter_map(|h| {
            let r = rules.get(h.rule as usize)?;
            Some(if context::is_negated(&t.tokens, r, h) { format!("{}!", r.id) } else { r.id.to_string() })
        })
        .collect()
}

/// The id of every rule, in table order (for tests and tooling).
pub fn rule_ids() -> impl Iterator<Item = &'static str> {
    lexicon::rules().iter().map(|r| r.id)
}

/// A rule's category (None for distress and marker rules) and level, by id.
pub fn rule_info(id: &str) -> Option<(Option<Category>, Level)> {
    let r = lexicon::rules().iter().find(|r| r.id == id)?;
    let cat = match r.kind {
        lexicon::Kind::Crisis(c) => Some(c),
        _ => None,
    };
    Some((cat, r.level))
}

/// Whether the rule is a marker (exclusion, immediacy, past, frame) rather than a finding.
pub fn rule_is_marker(id: &str) -> bool {
    lexicon::rules().iter().any(|r| {
        r.id == id
            && matches!(
                r.kind,
                lexicon::Kind::Exclude
                    | lexicon::Kind::Now
                    | lexicon::Kind::Past
                    | lexicon::Kind::Frame
                    | lexicon::Kind::Concept(_)
            )
    })
}

/// A long text is read a piece at a time (about this many bytes each), so a huge paste needs only
/// a piece's worth of memory, and the same buffers serve every piece and every call.
const PIECE: usize = 16 << 10;

fn screen_with(input: &str, hint: Option<Lang>, s: &mut Scratch) -> Screening {
    let out = if input.len() <= PIECE {
        normalize::tokenize(input, &mut s.text, lexicon::emoji());
        lexicon::assign_words(&mut s.text);
        screen_whole(hint, s)
    } else {
        match screen_pieces(input, hint, None, s) {
            // Read again with the right lexicons (this time the guess is not needed).
            Err(langs) => screen_pieces(input, hint, Some(langs), s).unwrap_or_default(),
            Ok(out) => out,
        }
    };
    // Do not keep a huge paste's buffers alive between calls (only a text with no place to cut it
    // grows them this far: one with no long sentence, or with few words, such as emoji).
    let big = s.text.buf.capacity() > 1 << 16 || s.text.tokens.capacity() > 1 << 14;
    if big || s.hits.capacity() > 1 << 14 || s.findings.capacity() > 1 << 12 {
        *s = Scratch::default();
    }
    out
}

/// Screens `input` a piece at a time (see `PIECE`); a text that fits in one piece, or offers no
/// place to cut it, is screened whole (`screen_whole`). `langs`: the lexicons to match with, when
/// known. The language is detected on the whole text (not per sentence as in `screen_whole`: over a
/// long paste some sentence nearly always leans to the other language, and reading the text again
/// with both lexicons halved the speed), so it is known only at the end: the first
/// piece's guess serves until then, and a wrong guess returns `Err` with the right lexicons (the
/// text must be read again with them).
///
/// A piece ends where a sentence of more than SHORT_SENTENCE tokens ends, so no co-occurrence
/// window spans two pieces (a window only joins short sentences; an `adjacent` rule's pair across
/// a cut is not read, in a paste long enough to need pieces), and only once the text has more
/// than 200 words (a text of up to 200 words is read whole, by the word model too; a paste long
/// enough to need pieces is left to the rules). Matches never cross a sentence.
/// Judging a match looks back at most SUBJECT_WINDOW tokens: the next piece keeps that many
/// tokens of the one before as context (they are matched and judged in their own piece only).
/// The findings are then those of the whole text, in pieces: `build` sorts them stably by
/// (token, rule), and findings with one key come from one piece, in the order the whole text
/// gives them.
fn screen_pieces(input: &str, hint: Option<Lang>, langs: Option<u8>, s: &mut Scratch) -> Result<Screening, u8> {
    let Scratch {
        text,
        hits,
        matcher,
        findings,
        context,
        ..
    } = s;
    text.buf.clear();
    text.tokens.clear();
    findings.clear();
    let emoji = lexicon::emoji();
    let bytes = input.as_bytes();
    // Reading: the next byte to read and its UTF-16 offset, the words read so far, the last
    // sentence start seen and the latest place a piece may end.
    let (mut from, mut pos, mut words, mut last_start, mut cut_at) = (0, 0, 0, 0, None);
    // Pieces: the global index of `text.tokens[0]`, where this piece's own tokens begin (those
    // before are context), and the lexicons used. The function words are counted as they are read
    // (every token once), so the guess counts those of the first piece and a little more.
    let (mut base, mut own, mut counts, mut used) = (0u32, 0, [0u32; 2], langs);
    loop {
        let mut to = (from + PIECE).min(input.len());
        if let Some(k) = (to..input.len()).find(|&k| normalize::cut_after(bytes, k)) {
            to = k + 1;
        } else {
            to = input.len();
        }
        let new = text.tokens.len();
        pos = normalize::tokenize_more(input.get(from..to).unwrap_or_default(), text, emoji, pos);
        from = to;
        // One pass over the new tokens: word ids (as `lexicon::assign_words`), words, function
        // words and sentence starts.
        let normalize::Text { buf, tokens } = &mut *text;
        for (i, t) in tokens.iter_mut().enumerate().skip(new) {
            lexicon::assign_word(buf, t);
            words += usize::from(t.end > t.start);
            lang::count(&mut counts, t.word);
            if t.brk == normalize::SENTENCE && i > last_start {
                if i - last_start > context::SHORT_SENTENCE as usize {
                    cut_at = Some(i);
                }
                last_start = i;
            }
        }
        let last = from >= input.len();
        let cut = match cut_at {
            _ if last => text.tokens.len(),
            Some(k) if words > model::MAX_WORDS => k,
            _ => continue,
        };
        if last && base == 0 && own == 0 {
            // Read whole: the language comes from every word before any match.
            return Ok(screen_whole(hint, s));
        }
        let tokens = text.tokens.get(..cut).unwrap_or_default();
        let guess = *used.get_or_insert_with(|| lang::lexicons(hint, lang::decide(counts)));
        if last {
            let right = lang::lexicons(hint, lang::decide(counts));
            if right != guess {
                return Err(right);
            }
        }
        hits.clear();
        matcher::find(tokens.get(own..).unwrap_or_default(), guess, hits, matcher);
        for h in hits.iter_mut() {
            h.start += own as u32;
            h.end += own as u32;
        }
        if !hits.is_empty() {
            let first = findings.len();
            context::judge(tokens, hits, context, findings);
            for f in findings.iter_mut().skip(first) {
                f.span = span(tokens, f);
                f.start += base;
                f.end += base;
            }
        }
        if last {
            break;
        }
        // The next piece: this one's last SUBJECT_WINDOW tokens as context, then what follows it.
        let keep = cut.saturating_sub(context::SUBJECT_WINDOW);
        let at = text.tokens.get(keep).map_or(text.buf.len(), |t| t.start as usize);
        text.tokens.drain(..keep);
        text.buf.drain(..at);
        for t in text.tokens.iter_mut() {
            t.start -= at as u32;
            t.end -= at as u32;
        }
        base += keep as u32;
        own = cut - keep;
        last_start -= keep;
        cut_at = None;
    }
    // Read in pieces: the word model does not read the text.
    Ok(build(findings))
}

/// The UTF-16 span of a finding's tokens.
fn span(tokens: &[normalize::Token], f: &context::Finding) -> (u32, u32) {
    let (a, b) = u16_span(tokens, f.start, f.end);
    (a, b.max(a))
}

/// The UTF-16 span of tokens `start..end`.
fn u16_span(tokens: &[normalize::Token], start: u32, end: u32) -> (u32, u32) {
    let a = tokens.get(start as usize).map_or(0, |t| t.u16_start);
    (a, tokens.get(end.saturating_sub(1) as usize).map_or(a, |t| t.u16_end))
}

/// Screens the text in `s.text` (read whole).
fn screen_whole(hint: Option<Lang>, s: &mut Scratch) -> Screening {
    let Scratch {
        text,
        hits,
        matcher,
        findings,
        context,
        model,
    } = s;
    let (langs, detected) = lang::lexicons_of(&text.tokens, hint);
    // A hint the text clearly is not in widens the rules read, not the word models: a model reading
    // another language's text finds risk in its unknown words. Held out (blind38..52), Spanish
    // screened with `lang: "en"` had 44 false alarms of 1,500 that way, 23 reading with the Spanish
    // model (22 with the right hint), and English with `lang: "es"` 92 of 2,250, now 57 (57).
    let model_langs = detected.map_or(langs, lang::bit);
    hits.clear();
    matcher::find(&text.tokens, langs, hits, matcher);
    findings.clear();
    if !hits.is_empty() {
        context::judge(&text.tokens, hits, context, findings);
        for f in findings.iter_mut() {
            f.span = span(&text.tokens, f);
        }
    }
    let mut out = build(findings);
    // The word model is the second net. It adds a finding only where the rules found no more than
    // `concern`. Where an exclusion matched (an idiom or an object: "hits me up", "kill the
    // process") it is wary and needs a probability of 0.99 (`model::score`): silencing it there, as
    // it once was, also silenced it where the exclusion was a passing "hung up"; leaving each of
    // trainAM..AV out in turn, wary instead of silent caught 8 more English and 4 more Spanish
    // messages at risk (4 and 1 emergencies) for no more false alarms of 3,154. Frames (a story,
    // a study, a game) do not make it wary: their words are common ("means", "season", "game")
    // and the model learned them itself; leaving each blind set out in turn, silencing it on
    // frames cost 12 of 540 English catches for no fewer false alarms.
    // A message of several sentences the model does not flag as a whole, or too long for it to read
    // whole, it reads a sentence at a time (`finding_in_a_sentence`, at the model file's `sentence`
    // threshold). Safe training messages joined into texts of 230+ words, one risk sentence the
    // model alone finds put among them: found 20 of 108 times in English and 5 of 107 in Spanish
    // when such texts were left to the rules, 80 and 73 read a sentence at a time; the same texts
    // without it were flagged 54 and 24 times of 300, then 59 and 31.
    let may_add = out.level <= Level::Concern;
    // Where the rules found `concern` or `urgent` (never `emergency`) and the model is all but sure
    // there is no risk, the model overrules them: leaving each of the newest six training sets per
    // language out in turn (sets no rule had been written from), that dropped 12 false alarms and
    // no message at risk. Unless the model, reading alone a sentence that holds such a finding,
    // finds risk there: after 1,500 safe training messages, "I want to kill myself." as a sentence
    // of its own was overruled 95 times in English and "La verdad me quiero morir." 416 times in
    // Spanish; reading the sentence alone, 0 and 2, for 1 more false alarm of 3,053 held out. Nor
    // where it finds risk in the clause alone (`clause_start`): every exclusion example with "but
    // honestly I want to die", "and I want to kill myself" and two more endings put after it was
    // left unflagged 16 of 1,024 times in English and 48 of 1,012 in Spanish; reading the clause
    // too, 2 and 8, for 3 and 3 more false alarms on the training sets (15,077 and 12,700 safe)
    // and none held out. Where only weak rules found `concern` (a bare "suicidio", "matarme")
    // Spanish overrules them below a probability of 0.1, not 0.02 (the model file's third veto):
    // out of fold over the training sets, 3 of 4 such false alarms and none of 15 such messages at
    // risk; held out (blind12..27), 7 of 8 and none of 4. English keeps 0.02: out of fold, 0.1
    // overruled 6 of 10 such false alarms but 4 of 54 messages at risk ("how do i stop self
    // harming", "6 months free of self harm").
    let may_veto = matches!(out.level, Level::Concern | Level::Urgent);
    // The model never silences the rules' `emergency`, but where it is as sure there is no risk as
    // it must be to overrule `urgent`, and no sentence holding the finding reads as risk alone, the
    // emergency is shown as `urgent`: help still comes first, without the emergency number's alarm
    // over a safe message. Over the authoring sets that demoted 2 English and 4 Spanish false
    // alarms and no message labelled emergency (of 9,990 and 6,939); held out (blind38..50),
    // 1 English false alarm and no emergency.
    if out.level == Level::Emergency {
        let verdict = model::score(&text.tokens, &text.buf, hits, model_langs, model, model::Reading::Whole);
        if verdict.clear[1] && !risk_in_a_sentence(&text.tokens, &text.buf, hits, findings, model_langs, model, Level::Emergency) {
            demote_to_urgent(&mut out);
        }
    }
    if may_add || may_veto {
        let verdict = model::score(&text.tokens, &text.buf, hits, model_langs, model, model::Reading::Whole);
        let weak = |f: &context::Finding| f.level < Level::Concern || lexicon::rules().get(f.rule as usize).is_some_and(|r| r.weak);
        let clear = match out.level {
            Level::Concern if findings.iter().all(weak) => verdict.clear[2],
            Level::Concern => verdict.clear[0],
            _ => verdict.clear[1],
        };
        if may_veto && clear && !risk_in_a_sentence(&text.tokens, &text.buf, hits, findings, model_langs, model, out.level) {
            overrule(&mut out);
        } else if let (true, Some(m)) = (
            may_add,
            // The whole message, unless it is short of `urgent` and a tail reads as an emergency.
            match verdict.finding {
                Some(m) if m.urgent => Some(m),
                whole => (!verdict.clear[0])
                    .then(|| finding_in_a_tail(&text.tokens, &text.buf, hits, model_langs, model))
                    .flatten()
                    .or(whole)
                    .or_else(|| {
                        (out.level < Level::Concern)
                            .then(|| finding_in_a_sentence(&text.tokens, &text.buf, hits, model_langs, model))
                            .flatten()
                    }),
            },
        ) {
            // Where the rules found nothing: `concern`, or `urgent` when the urgency or emergency
            // head agrees, or the urgency head is sure on its own (`urgency_alone`).
            if out.level < Level::Concern {
                add_model_finding(&mut out, &text.tokens, &m);
            // Where the rules found only `concern`, the risk head and the urgency (or emergency)
            // head agreeing lift it to `urgent`: leaving each blind and training set out in turn,
            // risk and urgency lifted 19 English and 21 Spanish messages labelled urgent or
            // emergency for 12 and 3 labelled concern.
            } else if m.urgent && m.risk {
                lift_to_urgent(&mut out, &text.tokens, &m);
            }
        }
    }
    out
}

/// Whether the model, reading alone a sentence that holds one of the rules' findings at `level`,
/// finds risk there. Over a whole message the model can be all but sure there is no risk where a
/// question about a game, a debt or a ward round fills most of it and one sentence says "I want
/// to kill myself.": then it does not overrule the rules.
fn risk_in_a_sentence(
    tokens: &[normalize::Token],
    buf: &[u8],
    hits: &[matcher::Hit],
    findings: &[context::Finding],
    langs: u8,
    scratch: &mut model::Scratch,
    level: Level,
) -> bool {
    findings.iter().filter(|f| f.level == level).any(|f| {
        let (a, b) = sentence_of(tokens, f.start as usize, f.end as usize);
        let c = clause_start(tokens, a, f.start as usize);
        // The whole message was read already; a clause is read where it is less than its sentence.
        let mut risk_in = |part: (usize, usize)| {
            part != (0, tokens.len())
                && model::score_part(tokens, buf, hits, part, langs, scratch, model::Reading::Whole).finding.is_some_and(|m| m.risk)
        };
        risk_in((a, b)) || (c > a && risk_in((c, b)))
    })
}

/// Where the clause that holds token `start` begins, within the sentence that begins at `a`: after
/// the last comma or joining word ("but", "and", "pero", "y") before it. "How do I kill a python
/// process but honestly I want to die" is one sentence the model reads as a programming question;
/// read from "honestly", it is not.
fn clause_start(tokens: &[normalize::Token], a: usize, start: usize) -> usize {
    let mut c = start.min(tokens.len());
    while c > a
        && tokens.get(c).is_some_and(|t| t.brk & normalize::CLAUSE == 0)
        && tokens.get(c - 1).is_some_and(|t| lexicon::flags(t.word) & lexicon::BREAK == 0)
    {
        c -= 1;
    }
    c
}

/// The model's finding in a sentence read alone, where the message has more than one: over a whole
/// message the words of an ordinary request can outweigh one sentence at risk.
fn finding_in_a_sentence(
    tokens: &[normalize::Token],
    buf: &[u8],
    hits: &[matcher::Hit],
    langs: u8,
    scratch: &mut model::Scratch,
) -> Option<model::ModelFinding> {
    sentences(tokens)
        .filter(|&part| part != (0, tokens.len())) // one sentence: the whole message, already read
        .find_map(|part| model::score_part(tokens, buf, hits, part, langs, scratch, model::Reading::Sentence).finding)
}

/// The model's finding in the message read from a later sentence on, as a message of its own, where
/// its emergency head and risk head both reach their thresholds there: an ordinary sentence put
/// first ("ok so today was long, work was busy and the bus was late again.") outweighs a short
/// disclosure of danger now after it. With each of three such sentences put before the messages
/// labelled emergency of blind45..52 and then blind38..44, each left out of the model's training,
/// 15 of 1,620 fell below `urgent`, 5 with this reading, for 3 more false alarms of 2,250 safe
/// English messages (Spanish: none fell, no more false alarms). Reading with the urgency head
/// instead (any `urgent`) kept all 1,620 but added 5 false alarms. Tails are read only where the
/// whole message is not below the model's veto (`clear`): every tail read, in sample, flagged 562
/// of 33,007 safe English messages, against 557 this way and 540 with no tails.
fn finding_in_a_tail(
    tokens: &[normalize::Token],
    buf: &[u8],
    hits: &[matcher::Hit],
    langs: u8,
    scratch: &mut model::Scratch,
) -> Option<model::ModelFinding> {
    sentences(tokens).skip(1).find_map(|(a, _)| {
        let m = model::score_part(tokens, buf, hits, (a, tokens.len()), langs, scratch, model::Reading::Whole).finding?;
        (m.emergency && m.risk).then_some(m)
    })
}

/// The sentences of the message, as token ranges, in order.
fn sentences(tokens: &[normalize::Token]) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut a = 0;
    std::iter::from_fn(move || {
        (a < tokens.len()).then(|| {
            let part = sentence_of(tokens, a, a + 1);
            a = part.1;
            part
        })
    })
}

/// The tokens of the sentence that holds tokens `start..end`.
fn sentence_of(tokens: &[normalize::Token], start: usize, end: usize) -> (usize, usize) {
    let starts_sentence = |i: usize| tokens.get(i).is_none_or(|t| t.brk & normalize::SENTENCE != 0);
    let mut a = start.min(tokens.len());
    while a > 0 && !starts_sentence(a) {
        a -= 1;
    }
    let mut b = end.max(a + 1).min(tokens.len());
    while b < tokens.len() && !starts_sentence(b) {
        b += 1;
    }
    (a, b)
}

/// Evidence rule ids of the word model, by language.
const MODEL_RULES: [&str; 2] = ["en.model", "es.model"];

fn add_model_finding(out: &mut Screening, tokens: &[normalize::Token], m: &model::ModelFinding) {
    let level = if m.urgent { Level::Urgent } else { Level::Concern };
    out.level = level;
    if !out.categories.contains(&m.category) {
        out.categories.push(m.category);
        sort_by_key(&mut out.categories, |&c| c);
    }
    push_model_evidence(out, tokens, m, m.category, level, Subject::Me);
}

/// The rules' findings are dropped: what is left is the distress they found, if any.
fn overrule(out: &mut Screening) {
    out.evidence.clear();
    out.categories.clear();
    out.level = if out.distress.is_empty() { Level::None } else { Level::Support };
}

/// The rules' `emergency` shown as `urgent` (`screen_with`): every finding at emergency steps down.
fn demote_to_urgent(out: &mut Screening) {
    out.level = Level::Urgent;
    for e in out.evidence.iter_mut().filter(|e| e.level == Level::Emergency) {
        e.level = Level::Urgent;
    }
}

/// The rules' `concern` becomes `urgent`, in the rules' category and for the rules' subject, with
/// the model's heaviest words as the evidence for the lift.
fn lift_to_urgent(out: &mut Screening, tokens: &[normalize::Token], m: &model::ModelFinding) {
    let Some(first) = out.evidence.iter().find(|e| e.level == Level::Concern) else { return };
    let (category, subject) = (first.category, first.subject);
    out.level = Level::Urgent;
    push_model_evidence(out, tokens, m, category, Level::Urgent, subject);
}

/// The model's evidence: its heaviest words (tokens `m.start..m.end`) as a UTF-16 span.
fn push_model_evidence(
    out: &mut Screening,
    tokens: &[normalize::Token],
    m: &model::ModelFinding,
    category: Category,
    level: Level,
    subject: Subject,
) {
    let (start, end) = u16_span(tokens, m.start, m.end);
    if out.evidence.len() < MAX_EVIDENCE {
        out.evidence.push(Evidence {
            category,
            level,
            subject,
            rule: MODEL_RULES.get(m.lang).copied().unwrap_or("model"),
            start,
            end: end.max(start),
        });
    }
}

fn build(findings: &mut Vec<context::Finding>) -> Screening {
    let rules = lexicon::rules();
    let kind = |f: &context::Finding| rules.get(f.rule as usize).map(|r| r.kind);
    let overlaps = |a: &context::Finding, b: &context::Finding| a.start < b.end && b.start < a.end;
    // A weak finding ("suicide" alone) gives way to any other finding over the same words.
    let weak = |f: &context::Finding| rules.get(f.rule as usize).is_some_and(|r| r.weak);
    sort_by_key(findings, |f| (f.start, f.rule));
    let strong: Vec<(u32, u32)> = findings.iter().filter(|f| !weak(f)).map(|f| (f.start, f.end)).collect();
    findings.retain(|f| !weak(f) || !context::overlaps_any(&strong, f.start, f.end));
    // A finding that needs company (a place, means at hand) counts only beside a finding of a
    // category it names.
    let mut present = 0u8;
    for f in findings.iter() {
        if let (Some(lexicon::Kind::Crisis(c)), Some(r)) = (kind(f), rules.get(f.rule as usize)) {
            if r.needs == 0 {
                present |= 1 << (c as u8);
            }
        }
    }
    findings.retain(|f| {
        rules
            .get(f.rule as usize)
            .is_some_and(|r| r.needs == 0 || f.alone || r.needs & present != 0)
    });
    // One finding per rule and overlapping span.
    findings.dedup_by(|b, a| a.rule == b.rule && overlaps(a, b));

    let mut out = Screening::default();
    for f in findings.iter() {
        let Some(r) = rules.get(f.rule as usize) else { continue };
        let (start, end) = f.span;
        match r.kind {
            lexicon::Kind::Crisis(category) => {
                out.level = out.level.max(f.level);
                if !out.categories.contains(&category) {
                    out.categories.push(category);
                }
                if out.evidence.len() < MAX_EVIDENCE {
                    out.evidence.push(Evidence {
                        category,
                        level: f.level,
                        subject: f.subject,
                        rule: r.id,
                        start,
                        end,
                    });
                }
            }
            lexicon::Kind::Distress => {
                out.level = out.level.max(Level::Support);
                if out.distress.len() < MAX_EVIDENCE {
                    out.distress.push(Cue { rule: r.id, start, end });
                }
            }
            _ => {}
        }
    }
    sort_by_key(&mut out.categories, |&c| c);
    out
}

/// Sorts `v` by `key`, stably, like `slice::sort_by_key`. std's sorts put ≈ 4 KB of code per
/// element type into the wasm; this is a few hundred bytes. Insertion sort in short runs (the
/// screen's lists are short and nearly sorted: hits arrive in token order), then bottom-up merges
/// that skip runs already in order, so a huge paste still costs O(n log n).
pub(super) fn sort_by_key<T: Copy, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    // Often already in order (a long text's concept hits): then one pass, no copy.
    if v.windows(2).all(|w| key(&w[0]) <= key(&w[1])) {
        return;
    }
    const RUN: usize = 16;
    for run in v.chunks_mut(RUN) {
        for i in 1..run.len() {
            let x = run[i];
            let mut j = i;
            while j > 0 && key(&x) < key(&run[j - 1]) {
                run[j] = run[j - 1];
                j -= 1;
            }
            run[j] = x;
        }
    }
    let n = v.len();
    let mut width = RUN;
    let mut src: Vec<T> = Vec::new();
    while width < n {
        src.clear();
        src.extend_from_slice(v);
        let mut lo = 0;
        while lo + width < n {
            let (mid, hi) = (lo + width, (lo + 2 * width).min(n));
            // Equal keys take the left run first: that keeps the sort stable.
            if key(&src[mid]) < key(&src[mid - 1]) {
                let (mut i, mut j) = (lo, mid);
                for slot in &mut v[lo..hi] {
                    let right = j < hi && (i >= mid || key(&src[j]) < key(&src[i]));
                    *slot = if right { src[j] } else { src[i] };
                    if right {
                        j += 1;
                    } else {
                        i += 1;
                    }
                }
            }
            lo = hi;
        }
        width *= 2;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sort_by_key_matches_std_stable_sort() {
        // Pseudo-random keys with many ties, at lengths around the run and merge boundaries.
        let mut x = 12345u32;
        for n in [0, 1, 2, 15, 16, 17, 31, 33, 64, 100, 1000] {
            let v: Vec<(u32, u32)> = (0..n)
                .map(|i| {
                    x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
                    ((x >> 16) % 7, i)
                })
                .collect();
            let (mut ours, mut std) = (v.clone(), v.clone());
            sort_by_key(&mut ours, |p| p.0);
            std.sort_by_key(|p| p.0);
            assert_eq!(ours, std, "n = {n}");
        }
    }

    #[test]
    fn empty_and_plain_text_are_none() {
        assert_eq!(screen("", None).level, Level::None);
        assert_eq!(screen("what a lovely day", None).level, Level::None);
    }

    #[test]
    fn finds_first_person_ideation_with_exact_span() {
        let text = "honestly I want to kill myself";
        let s = screen(text, Some(Lang::En));
        assert!(s.level >= Level::Urgent, "{s:?}");
        let e = &s.evidence[0];
        let units: Vec<u16> = text.encode_utf16().collect();
        let found = String::from_utf16_lossy(&units[e.start as usize..e.end as usize]);
        assert!(found.contains("kill myself"), "{found}");
    }

    #[test]
    fn the_writer_is_not_someone_else_at_risk() {
        let s = screen("i just want to die, everyone would be better off without me", Some(Lang::En));
        assert!(s.level >= Level::Concern, "{s:?}");
        assert!(s.evidence.iter().all(|e| e.subject == Subject::Me), "{s:?}");
    }

    #[test]
    fn someone_else_is_read_in_the_rules_language() {
        // "son" is a son in English and "they are" in Spanish; "he" is "I have" in Spanish.
        for text in ["Son las 3 de la mañana y estoy en la azotea para tirarme", "he estado guardando las pastillas, ya tengo como 40"] {
            let s = screen(text, Some(Lang::Es));
            assert!(s.level >= Level::Urgent, "{s:?}");
            assert!(s.evidence.iter().all(|e| e.subject == Subject::Me), "{s:?}");
        }
        let s = screen("my son is on the roof and says he will jump", Some(Lang::En));
        assert!(s.level >= Level::Urgent && s.evidence.iter().all(|e| e.subject == Subject::Other), "{s:?}");
        let s = screen("mi hijo está en la azotea y dice que se va a tirar", Some(Lang::Es));
        assert!(s.level >= Level::Urgent && s.evidence.iter().all(|e| e.subject == Subject::Other), "{s:?}");
    }

    #[test]
    fn signals_meet_across_a_few_short_sentences_not_across_a_story() {
        // The place, then a pause, then the time: three short sentences read as one breath.
        let s = screen("I'm in the car at the top of the quarry. Been sat here an hour. Tonight's the night.", Some(Lang::En));
        assert_eq!(s.level, Level::Emergency, "{s:?}");
        assert!(s.evidence.iter().any(|e| e.rule == "en.cooc.suicide_at_place_now"), "{s:?}");
        // A long sentence between them breaks the window.
        let story = "I'm in the car at the top of the quarry. Been sat here an hour. The kids loved the fossils \
                     and we had a picnic by the gate before the rain came in. Tonight's the night.";
        assert!(screen(story, Some(Lang::En)).evidence.iter().all(|e| e.rule != "en.cooc.suicide_at_place_now"));
    }

    #[test]
    fn a_name_that_opens_the_sentence_before_i_is_the_person_spoken_to() {
        // "bro im at ..." is the writer at the place, not the brother.
        let s = screen("bro im at the gap, like the actual Gap at Watsons Bay", Some(Lang::En));
        assert!(s.level >= Level::Urgent && s.evidence.iter().all(|e| e.subject == Subject::Me), "{s:?}");
        // "bro is on ...": the brother.
        let s = screen("bro is on the wrong side of the railing on the bridge", Some(Lang::En));
        assert!(s.evidence.iter().any(|e| e.subject == Subject::Other), "{s:?}");
    }

    #[test]
    fn an_ellipsis_keeps_a_harmless_ending_in_its_sentence() {
        // "of" / "de" carry the sentence on past the ellipsis: the idiom's exclusion sees it whole.
        assert_eq!(screen("i want to die... of embarrassment", None).level, Level::None);
        assert_eq!(screen("me quiero morir... de vergüenza", Some(Lang::Es)).level, Level::None);
        // Any other word after it starts a sentence, as before.
        assert!(screen("i want to die... everything hurts", None).level >= Level::Concern);
    }

    #[test]
    fn a_generic_word_after_the_is_a_particular_group() {
        // "people" alone is people at large: a statement about them is no one's risk.
        let s = screen("people who want to kill themselves should be able to get help fast", Some(Lang::En));
        assert!(s.evidence.iter().all(|e| e.subject != Subject::Other || e.level < Level::Urgent), "{s:?}");
        // "the people in the flat upstairs" are someone in particular: the child there is at risk now.
        let s = screen(
            "the people in the flat upstairs have been screaming for 10 minutes and there's a little kid crying 'stop'",
            Some(Lang::En),
        );
        assert_eq!(s.level, Level::Emergency, "{s:?}");
        assert!(s.evidence.iter().all(|e| e.subject == Subject::Other), "{s:?}");
    }

    #[test]
    fn a_rule_can_hold_in_a_game_frame() {
        // "free fire" (a game) frames the sentence, but meeting a man met in a game is real.
        let s = screen("mi hermana de 13 salió para verse con un hombre que conoció en free fire", Some(Lang::Es));
        assert_eq!(s.level, Level::Emergency, "{s:?}");
        // A killing inside the game stays a game.
        assert_eq!(screen("mi hermano mató a un tipo en free fire", Some(Lang::Es)).level, Level::None);
    }

    #[test]
    fn story_and_history_frame_only_in_their_fiction_and_study_senses() {
        let level = |t: &str| screen(t, Some(Lang::En)).level;
        // Study and fiction: a frame, nobody's risk.
        assert_eq!(level("history of the golden gate bridge suicide barrier"), Level::None);
        assert_eq!(level("the story is about a man who hangs himself"), Level::None);
        // A social-media story, a search history, a clinical history: someone's risk.
        assert_eq!(level("my best friend just posted a story sitting on the bridge railing saying bye"), Level::Emergency);
        assert!(level("i found painless ways to die in my sons search history") >= Level::Concern);
        assert!(level("my sister has a history of self harm and she stopped replying") >= Level::Concern);
    }

    #[test]
    fn the_word_model_overrules_rules_it_is_sure_of_but_never_an_emergency() {
        // A rule reads "domestic violence" as a disclosure; the model knows a trainer's question.
        let trainer = "I'm a police officer doing a training on domestic violence calls. What questions should we ask victims on scene?";
        assert_eq!(screen(trainer, Some(Lang::En)).level, Level::None);
        // The same words from someone living it stay with the rules.
        let s = screen("my husband hits me and it's domestic violence, i'm scared to go home", Some(Lang::En));
        assert!(s.level >= Level::Urgent, "{s:?}");
        assert_eq!(screen("I took all my pills an hour ago", Some(Lang::En)).level, Level::Emergency);
    }

    #[test]
    fn the_word_model_is_a_second_net_at_concern() {
        // No rule was written for this phrasing; the model's words carry it to concern.
        let text = "lately i have been thinking everyone would cope better if i just slipped away quietly";
        let s = screen(text, Some(Lang::En));
        assert!(matches!(s.level, Level::Concern | Level::Urgent), "{s:?}");
        let e = s.evidence.iter().find(|e| e.rule == "en.model").expect("model evidence");
        assert!(e.start < e.end && e.end as usize <= text.encode_utf16().count(), "{e:?}");
        // A text the rules judge away (an idiom) is left alone. A document-length text is read a
        // sentence at a time: the finding is in the sentence that holds it.
        assert_eq!(screen("i want to die of cringe rn", Some(Lang::En)).level, Level::None);
        let weather = "the weather report says rain again tomorrow. ".repeat(40);
        assert_eq!(screen(&weather, Some(Lang::En)).level, Level::None);
        let long = format!("{weather}{text}. {weather}");
        let s = screen(&long, Some(Lang::En));
        let e = s.evidence.iter().find(|e| e.rule == "en.model").expect("model evidence");
        let at = long.find(text).expect("sentence") as u32;
        assert!(e.start >= at && e.end <= at + text.len() as u32, "{e:?}");
    }

    #[test]
    fn detects_language() {
        assert_eq!(
            detect_lang("no quiero vivir, de verdad que ya no puedo"),
            Some(Lang::Es)
        );
        assert_eq!(
            detect_lang("I don't know what to do with my life and the job"),
            Some(Lang::En)
        );
        assert_eq!(detect_lang("kms"), None);
    }

    #[test]
    fn hits_come_in_start_order() {
        // `model::score_part` finds a part's hits by binary search.
        let mut t = normalize::Text::default();
        let text = "kill the process. i want to die, honestly i want to kill myself. took all my pills tonight. quiero morirme ya";
        normalize::tokenize(text, &mut t, lexicon::emoji());
        lexicon::assign_words(&mut t);
        let mut hits = Vec::new();
        matcher::find(&t.tokens, lang::ALL, &mut hits, &mut matcher::Scratch::default());
        assert!(hits.len() > 5, "{hits:?}");
        assert!(hits.is_sorted_by_key(|h| h.start), "{hits:?}");
    }

    #[test]
    fn an_ordinary_sentence_first_does_not_hide_danger_now() {
        // The word model reads the message from its second sentence too (`finding_in_a_tail`).
        let first = "ok so today was long, work was busy and the bus was late again. ";
        for t in ["ok i did it, the bathroom floor is a mess and im dizzy", "im on the bridge"] {
            let s = screen(&format!("{first}{t}"), Some(Lang::En));
            assert!(s.level >= Level::Urgent, "{t}: {s:?}");
        }
    }

    #[test]
    fn the_model_shows_a_safe_emergency_as_urgent_never_below() {
        // The rules read heavy bleeding now; the word model is all but sure it is a period.
        let s = screen("blood soaked right through during the exam, so embarrassing. how do people cope with heavy periods? menstrual cups or pads?", Some(Lang::En));
        assert_eq!(s.level, Level::Urgent, "{s:?}");
        assert!(s.evidence.iter().all(|e| e.level <= Level::Urgent), "{s:?}");
        // A plain emergency keeps its level.
        assert_eq!(screen("I took all my pills an hour ago and I feel like I'm fading", Some(Lang::En)).level, Level::Emergency);
    }

    #[test]
    fn a_wrong_hint_widens_the_rules_not_the_model() {
        // Spanish text with `lang: "en"` is matched with both lexicons but read by the Spanish
        // model only: the English model would find risk in words it has never seen.
        let safe = "las pastillas están preparadas en el pastillero semanal";
        assert_eq!(screen(safe, Some(Lang::En)).level, Level::None);
        let risk = "Esta noche. Tengo todo encima de la cama: las pastillas, el vaso de agua y la carta.";
        assert!(screen(risk, Some(Lang::En)).level >= Level::Urgent);
    }

    #[test]
    fn a_code_switched_sentence_is_read_with_its_own_language_rules() {
        // As a whole the message is English, but its second sentence is as much Spanish: the
        // Spanish rules read it too (pills taken, dizzy), not the English ones alone.
        let text = "ok so today was long, work was busy and the bus was late again. tome todas las pastillas de mi abuela, like all of them, i feel so dizzy";
        assert_eq!(detect_lang(text), Some(Lang::En));
        assert!(screen(text, None).level >= Level::Urgent, "{:?}", screen(text, None));
        assert!(screen(text, Some(Lang::En)).level >= Level::Urgent);
        // One Spanish word in an English sentence is not a Spanish sentence.
        let mut t = normalize::Text::default();
        normalize::tokenize("we drove to Los Angeles for my cousin's birthday", &mut t, lexicon::emoji());
        lexicon::assign_words(&mut t);
        assert_eq!(lang::lexicons_of(&t.tokens, None), (lang::EN, Some(Lang::En)));
    }

    #[test]
    fn taglish_and_patois_are_not_read_as_spanish() {
        // "si", "mama" and "papa" are Spanish function words too; the Tagalog ones (in the
        // English STOP list, since the Tagalog rules live in the English file) keep Taglish from
        // being screened with the Spanish lexicon alone.
        let text = "si mama ko sinasaktan si papa, hindi ko na alam gagawin ko, ayoko na talaga";
        assert_ne!(detect_lang(text), Some(Lang::Es));
        assert!(screen(text, None).level >= Level::Concern, "{:?}", screen(text, None));
        // Jamaican "mi" (I, me) is Spanish "mi" too.
        let text = "mi drink off di whole bottle a weedkiller. mi belly a bun mi bad. tell mummy seh mi sorry";
        assert_ne!(detect_lang(text), Some(Lang::Es));
        assert_eq!(screen(text, None).level, Level::Emergency);
    }
}
