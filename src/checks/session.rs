//! One person's way through a self-check, one question at a time. The state is a plain value the caller
//! owns (the browser keeps it in memory for the length of the check): nothing is stored anywhere else.

use super::instrument::{instrument, Instrument, InstrumentId, Item};
use super::score::{evaluate, is_asked, validate, Answer, AnswerError, Outcome};
use crate::Lang;
use serde::Serialize;

/// Where the flow is, for "Question {n} of {total}".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Progress {
    /// The current question, counting from 1 (equals `total` + 1 when finished).
    pub number: usize,
    /// The questions this flow asks given the answers so far (ASQ item 5 and the difficulty item count
    /// only once they are going to be asked).
    pub total: usize,
}

/// The answers so far, in order. Going back drops the last answer, so a changed answer can never leave
/// a stale follow-up behind (e.g. ASQ item 5 after items 1–4 turn negative).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Session {
    id: InstrumentId,
    answers: Vec<Answer>,
}

impl Session {
    pub fn new(id: InstrumentId) -> Session {
        Session { id, answers: Vec::new() }
    }

    pub fn id(&self) -> InstrumentId {
        self.id
    }

    pub fn answers(&self) -> &[Answer] {
        &self.answers
    }

    /// The index (into `instrument.items`) of the question to ask now; `None` when the check is done.
    pub fn next_question(&self) -> Option<usize> {
        is_asked(self.id(), &self.answers).then_some(self.answers.len())
    }

    /// The question to ask now, worded in `lang`.
    pub fn current_item(&self, lang: Lang) -> Option<&'static Item> {
        self.next_question().map(|i| &self.instrument(lang).items[i])
    }

    pub fn instrument(&self, lang: Lang) -> &'static Instrument {
        instrument(self.id(), lang)
    }

    pub fn is_finished(&self) -> bool {
        self.next_question().is_none()
    }

    /// Answers the current question with a choice's value.
    pub fn answer(&mut self, value: u8) -> Result<(), AnswerError> {
        self.push(Answer::Value(value))
    }

    /// Skips (declines) the current question. On the ASQ items 1–4 this counts as positive (NIMH).
    pub fn skip(&mut self) -> Result<(), AnswerError> {
        self.push(Answer::Declined)
    }

    fn push(&mut self, answer: Answer) -> Result<(), AnswerError> {
        let mut next = self.answers.clone();
        next.push(answer);
        validate(self.id, &next)?;
        self.answers = next;
        Ok(())
    }

    /// Goes back one question, forgetting its answer. False at the first question.
    pub fn back(&mut self) -> bool {
        self.answers.pop().is_some()
    }

    pub fn start_over(&mut self) {
        self.answers.clear();
    }

    pub fn progress(&self) -> Progress {
        let id = self.id();
        let core = super::instrument::rules(id).core_items;
        let items = instrument(id, Lang::En).items.len();
        // A follow-up counts once the core answers call for it.
        let follow_up = items > core && self.answers.len() >= core && is_asked(id, &self.answers[..core]);
        let total = core + usize::from(follow_up);
        Progress { number: (self.answers.len() + 1).min(total + 1), total }
    }

    /// The result so far. Safe at any point: after each answer the UI can check `crisis_first` and show
    /// crisis help at once, without waiting for the end.
    pub fn outcome(&self) -> Outcome {
        // Answers only enter through `push`, which validates them.
        evaluate(self.id, &self.answers)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::Next;

    #[test]
    fn asq_asks_item_5_only_after_a_positive() {
        let mut s = Session::new(InstrumentId::Asq);
        for _ in 0..4 {
            s.answer(0).unwrap();
        }
        assert!(s.is_finished());
        assert_eq!(s.progress().total, 4);
        s.back();
        s.answer(1).unwrap();
        assert_eq!(s.next_question(), Some(4));
        assert_eq!(s.progress(), Progress { number: 5, total: 5 });
        s.answer(0).unwrap();
        assert!(s.is_finished());
        assert_eq!(s.outcome().next, Next::CrisisNow);
    }

    #[test]
    fn back_drops_the_follow_up_and_start_over_clears() {
        let mut s = Session::new(InstrumentId::Asq);
        s.skip().unwrap();
        for _ in 0..3 {
            s.answer(0).unwrap();
        }
        s.answer(1).unwrap();
        assert!(s.outcome().acute);
        assert!(s.back() && s.back());
        assert_eq!(s.answers().len(), 3);
        s.start_over();
        assert!(!s.back());
        assert_eq!(s.progress(), Progress { number: 1, total: 4 });
    }

    #[test]
    fn a_bad_value_leaves_the_session_unchanged() {
        let mut s = Session::new(InstrumentId::Phq2);
        assert!(s.answer(7).is_err());
        assert!(s.answers().is_empty());
    }
}
