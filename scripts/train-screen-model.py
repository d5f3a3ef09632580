#!/usr/bin/env python3
"""Trains the crisis screen's word model: data/screen/<lang>.model.tsv.

The rules in data/screen/*.rules.toml catch the phrasings someone wrote a rule for. This model is
the second net: a logistic regression (fitted on naive-Bayes-scaled features, NBSVM) over the
words the screen reads (single words, adjacent pairs and character 5-grams, as `before-you-rely
words` folds them, and the rules whose patterns matched), trained on the labelled sets under
tests/screen/ (label concern or above = risk), with an urgency head (urgent or above) and a
category head (which category a finding is in). The engine adds a `concern` finding when the rules found nothing
and the model's probability reaches the threshold written in the file, and overrules the rules'
concern or urgent when it falls below the veto. Every blind set is measured
once on first contact *before* it joins TRAIN_SETS (the figures are in the issue notes and the
commits that added them). blind1..11 joined long ago; blind12..37 joined in session 23, after
measuring hundreds of rule and model changes against them had worn them out as a measure (their
last figures as held-out sets, on 8e9c67a: English 3692/3782 at risk caught, 895/906
emergencies at urgent+, 92/3778 false alarms; Spanish 2464/2525, 603/606, 45/2525).
blind38..52 joined in session 24 (their last figures as held-out sets, on c35d61c: English
2174/2250 caught, 537/540 emergencies at urgent+, 57/2250 false alarms; Spanish 1473/1500,
360/360, 22/1500). blind53..66 joined in session 26 (see its paragraph at the end). blind67..N
are held out: keep them out of TRAIN_SETS and of rule work until newer blind sets replace them.
The paragraphs below, up to session 25, say "held out" of sets that have since joined.
Retraining with blind12..37 and trainHO..HX added, held out on blind38..42: English 724 -> 726
of 750 at risk caught, 180/180 emergencies at urgent+ both, 17 -> 14 false alarms of 750;
Spanish 486 -> 490 of 500, 120/120 both, 7 -> 5 of 500. Four rules whose negative examples the
old model had been vetoing were tightened in the same commit.
Then trainHZ..IN were added (written in session 23), except the English trainHY and trainIG: their
safe twins copy emergencies almost word for word ("at the bridge now, where are you"), and with
them in, held out on blind38..50 in two halves, English lost 1 and 2 emergencies at urgent+ (3 of
468) for no more catches; without them, English held out 1,888 -> 1,887 of 1,950 at risk caught,
466 of 468 emergencies both, 47 -> 49 false alarms of 1,950; Spanish 1,270 -> 1,275 of 1,300,
312/312 both, 16 -> 17 of 1,300. trainHY and trainIG stay in the rules' tests.
Retrained again at the end of session 23 on the same sets, so that its rule features include the
rules written since; held out on blind38..52: English 2,174 of 2,250 at risk caught and 537 of
540 emergencies both, 59 -> 57 false alarms; Spanish 1,472 -> 1,473 of 1,500, 360/360, 20 -> 22.
A floor of 0.5 bounds the English threshold (out of fold it would sit near 0.37 for 4%): lowered
to 0.42, held out it caught 14 more of 2,250 and 1 more emergency for 5 more false alarms, the
second half (blind45..52) at 3.3%, over the 3% bar, so the floor stays.
trainIO..IR (safe messages full of alarming words; distress without risk) are in the rules' tests
but not here: with them, held out on blind38..52, English lost 1 emergency at urgent+ and gained 2
false alarms, Spanish 2 fewer caught for 3 fewer false alarms.
Session 24 retired blind38..52 into TRAIN_SETS and retrained with the rules written from their
misses (the Spanish threshold moved 0.57 -> 0.56 by the out-of-fold rule above). Its held-out
measure is the fresh blind53..60, taken on the start engine (c35d61c), after the first round of
rules (3c01e4b) and on the last engine: English 1,163 -> 1,168 of 1,200 at risk caught, 283 -> 282
of 288 emergencies at urgent+, 31 -> 32 false alarms of 1,200; Spanish 778 -> 779 of 800, 191 of
192 both, 21 of 800 both. The session's rules and training sets barely moved unseen text. On the
session's last engine (f4a3a51, after trainJE..JH): English 1,171, 282, 30; Spanish 779, 191, 21.
blind61..62, measured once on that engine: English 276/300 caught, 68/72 emergencies, 1/300 false
alarms (the start engine: 271, 67, 1); Spanish 194/200, 48/48, 3/200 (the same on the start
engine).
trainIS..IX (session 24: danger now in code-switched and dialect English, danger now told
obliquely, the quiet and indirect) joined too. Leaving blind45..52 out of training and measuring
on them, trainIS..IU took English from 1,160 to 1,164 of 1,200 at risk caught and 287 to 288 of
288 emergencies at urgent+, for 24 -> 26 false alarms of 1,200 (Spanish 785 -> 784 of 800, 192
both, 12 -> 11 of 800); leaving blind38..44 out instead: English 1,027 -> 1,031 of 1,050 and
249 -> 251 of 252 emergencies, 13 -> 14 false alarms; Spanish 694 -> 691 of 700, 5 both.
trainIV..IX on top (blind45..52 left out): English 1,163 -> 1,162 caught, 288 both, 26 -> 24
false alarms; Spanish 783 both, 192 both, 11 -> 10. A prefix of ordinary sentences put before
every message at risk was also tried in training (each message a second time, half of them with
one safe message before or after): with blind45..52 left out it lost 3 English emergencies of
288 and added 3 false alarms of 1,200, so it is not used.
trainIY..JD (someone else in danger, young people online, and two sets of hard negatives) are in
the rules' tests but not here: with them, leaving blind38..44 and then blind45..52 out, English
caught 3 more of 2,250 but lost 1 emergency of 540 and gained 1 false alarm; Spanish caught 4
fewer of 1,500 for 2 more false alarms.
trainJE..JG (danger told in South Asian, African, Caribbean, Pacific and Scots English) joined
the English model: leaving blind45..52 out, 1,162 -> 1,163 of 1,200 caught and 25 -> 24 false
alarms; leaving blind38..44 out, 1,028 -> 1,032 of 1,050 and 11 -> 10; emergencies 288/288 and
251/252 both. The Spanish trainJH stays in the rules' tests only: with it, 783 -> 784 and
692 -> 690 caught, false alarms 7 -> 10 and 5 -> 6.
Session 25 retrained for the rules of rounds 25a and 25b and for the rules' new reading of a
code-switched sentence (the model reads which rules matched). TRAIN_SETS stay as they were:
this session's trainJI..JL (African, South and South-East Asian, Caribbean and British English;
danger buried in long messages) and the Spanish trainJN were tried and left in the rules' tests
only. With them, leaving blind45..52 out: English 1,165 of 1,200 caught both, 288 -> 287
emergencies at urgent+, 22 -> 23 false alarms; Spanish 785 -> 787 of 800, 11 -> 13 false alarms.
Leaving blind38..44 out: English 1,032 of 1,050 both, 252 -> 251 emergencies, 14 -> 12 false
alarms; Spanish 691 -> 692 of 700. Leaving the regional-English trainJE..JG out: 406 -> 407 of 420
caught, 232 -> 234 of 240 emergencies, 5 false alarms both. trainJI..JK alone did worse (1,164,
287, 22 and 1,030, 251, 12; 407, 233, 7). trainJM came back mostly in Hindi, Urdu, Bengali,
Tamil, Malayalam, Nepali and Tagalog, languages the screen does not read, and is not used.
Retrained again at the end of session 25 for rounds 25c and 25d and the merged FAST_THROUGH. All of
the session's regional sets (trainJI..JL, JO..JQ, JS, JT; Spanish trainJN, JR) tried once more:
leaving blind45..52 out, English 1,166 -> 1,164 of 1,200 caught, 288 emergencies both, 26 -> 22
false alarms, Spanish 785 -> 788, 11 -> 13; leaving blind38..44 out, English 1,032 -> 1,028,
252 -> 251 emergencies, 14 -> 13 false alarms, Spanish 691 -> 692, 5 -> 6; leaving trainJE..JG
out, 407 -> 406 of 420, 231 -> 233 of 240 emergencies, 6 false alarms both. No clear gain, so
TRAIN_SETS stay as they were. Held out (blind53..66, measured on the session's first engine cd209a2
and its last): English 2,034 -> 2,040 of 2,100 at risk caught, 490 -> 489 of 504 emergencies at
urgent+, 43 false alarms of 2,100 both; Spanish 1,365 of 1,400 both, 334 of 336 both, 32 -> 31.
Session 26 retired blind53..66 into TRAIN_SETS, after rules round 26 was written from their
misses (their last figures as held-out sets, on the session's first engine 3a88ebf: English 2,040
of 2,100 at risk caught, 489 of 504 emergencies at urgent+, 43 false alarms of 2,100; Spanish
1,365 of 1,400, 334 of 336, 31 of 1,400). With them, leaving blind45..52 out: English 1,166 ->
1,172 of 1,200 caught, 288 of 288 emergencies both, 26 -> 23 false alarms; Spanish 786 -> 787 of
800, 192 both, 11 -> 13. Leaving blind38..44 out: English 1,032 -> 1,030 of 1,050, 252 both,
14 -> 12; Spanish 691 of 700 both, 168 both, 5 -> 4. The Spanish threshold moved 0.56 -> 0.55
by the out-of-fold rule. The fresh blind67..72 (written this session) are the held-out measure.
Retrained again after rules round 27 (TRAIN_SETS unchanged; the Spanish threshold moved 0.55 ->
0.545). Against the model trained on the rules before round 27, leaving blind45..52 out: English
1,172 -> 1,169 of 1,200 caught, 24 -> 20 false alarms, Spanish 786 both, 12 both; leaving
blind38..44 out: English 1,031 -> 1,032 of 1,050, 15 -> 14, Spanish 692 -> 691 of 700, 6 -> 5;
emergencies at urgent+ 288/288 and 252/252 every time. trainJU and trainJV (danger now after an
ordinary first sentence; farewells after one) are in the rules' tests only.

Not run by `make test` (needs scikit-learn): run it by hand after the labelled sets change, review
the diff of the .tsv files like code, and commit them.

    python3 -m pip install scikit-learn
    cargo build --release --bin before-you-rely
    python3 scripts/train-screen-model.py [path/to/before-you-rely]
"""
import json, os, subprocess, sys

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    os.environ.get('CARGO_TARGET_DIR', os.path.join(ROOT, 'target')), 'release', 'before-you-rely')
LEVELS = ['none', 'support', 'concern', 'urgent', 'emergency']
CATEGORIES = ['suicide', 'self_harm', 'abuse', 'sexual_violence', 'harm_to_others', 'psychosis', 'overdose']
TRAIN_SETS = ['', '.heldout', '.trainA', '.trainB', '.blind', '.blind2', '.blind3', '.blind4', '.blind5', '.blind6', '.blind7', '.blind8', '.blind9', '.blind10', '.blind11', '.trainC', '.trainD', '.trainE', '.trainF', '.trainG', '.trainH', '.trainI', '.trainJ', '.trainK', '.trainL', '.trainM', '.trainN', '.trainO', '.trainP', '.trainQ', '.trainR', '.trainS', '.trainT', '.trainU', '.trainV', '.trainW', '.trainX', '.trainY', '.trainZ', '.trainAA', '.trainAB', '.trainAC', '.trainAD', '.trainAE', '.trainAF', '.trainAG', '.trainAH', '.trainAI', '.trainAJ', '.trainAK', '.trainAL', '.trainAM', '.trainAN', '.trainAO', '.trainAP', '.trainAQ', '.trainAR', '.trainAS', '.trainAT', '.trainAU', '.trainAV', '.trainAW', '.trainAX', '.trainAY', '.trainAZ', '.trainBA', '.trainBB', '.trainBC', '.trainBD', '.trainBE', '.trainBF', '.trainBG', '.trainBH', '.trainBI', '.trainBJ', '.trainBK', '.trainBL', '.trainBM', '.trainBN', '.trainBO', '.trainBP', '.trainBQ', '.trainBR', '.trainBS', '.trainBT', '.trainBU', '.trainBV', '.trainBW', '.trainBX', '.trainBY', '.trainBZ', '.trainCA', '.trainCB', '.trainCC', '.trainCD', '.trainCE', '.trainCF', '.trainCG', '.trainCH', '.trainCI', '.trainCJ', '.trainCK', '.trainCL', '.trainCM', '.trainCN', '.trainCO', '.trainCP', '.trainCQ', '.trainCR', '.trainCS', '.trainCT', '.trainCU', '.trainCV', '.trainCW', '.trainCX', '.trainCY', '.trainCZ', '.trainDA', '.trainDB', '.trainDC', '.trainDD', '.trainDE', '.trainDF', '.trainDG', '.trainDH', '.trainDI', '.trainDJ', '.trainDK', '.trainDL', '.trainDM', '.trainDN', '.trainDO', '.trainDP', '.trainDQ', '.trainDR', '.trainDS', '.trainDT', '.trainDU', '.trainDV', '.trainDW', '.trainDX', '.trainDY', '.trainDZ', '.trainEA', '.trainEB', '.trainEC', '.trainED', '.trainEE', '.trainEF', '.trainEG', '.trainEH', '.trainEI', '.trainEJ', '.trainEK', '.trainEL', '.trainEM', '.trainEN', '.trainEO', '.trainEP', '.trainEQ', '.trainER', '.trainES', '.trainET', '.trainEU', '.trainEV', '.trainEW', '.trainEX', '.trainEY', '.trainEZ', '.trainFA', '.trainFB', '.trainFC', '.trainFD', '.trainFE', '.trainFF', '.trainFG', '.trainFH', '.trainFI', '.trainFJ', '.trainFK', '.trainFL', '.trainFM', '.trainFN', '.trainFO', '.trainFP', '.trainFQ', '.trainFR', '.trainFS', '.trainFT', '.trainFU', '.trainFV', '.trainFW', '.trainFX', '.trainFY', '.trainFZ', '.trainGA', '.trainGB', '.trainGC', '.trainGD', '.trainGE', '.trainGF', '.trainGG', '.trainGH', '.trainGI', '.trainGJ', '.trainGK', '.trainGL', '.trainGM', '.trainGN', '.trainGO', '.trainGP', '.trainGQ', '.trainGR', '.trainGS', '.trainGT', '.trainGU', '.trainGV', '.trainGW', '.trainGX', '.trainGY', '.trainGZ', '.trainHA', '.trainHB', '.trainHC', '.trainHD', '.trainHE', '.trainHF', '.trainHG', '.trainHH', '.trainHI', '.trainHJ', '.trainHK', '.trainHL', '.trainHM', '.trainHN', '.blind12', '.blind13', '.blind14', '.blind15', '.blind16', '.blind17', '.blind18', '.blind19', '.blind20', '.blind21', '.blind22', '.blind23', '.blind24', '.blind25', '.blind26', '.blind27', '.blind28', '.blind29', '.blind30', '.blind31', '.blind32', '.blind33', '.blind34', '.blind35', '.blind36', '.blind37', '.trainHO', '.trainHP', '.trainHQ', '.trainHR', '.trainHS', '.trainHT', '.trainHU', '.trainHV', '.trainHW', '.trainHX', '.trainHZ', '.trainIA', '.trainIB', '.trainIC', '.trainID', '.trainIE', '.trainIF', '.trainIH', '.trainII', '.trainIJ', '.trainIK', '.trainIL', '.trainIM', '.trainIN', '.blind38', '.blind39', '.blind40', '.blind41', '.blind42', '.blind43', '.blind44', '.blind45', '.blind46', '.blind47', '.blind48', '.blind49', '.blind50', '.blind51', '.blind52', '.trainIS', '.trainIT', '.trainIU', '.trainIV', '.trainIW', '.trainIX', '.trainJE', '.trainJF', '.trainJG', '.blind53', '.blind54', '.blind55', '.blind56', '.blind57', '.blind58', '.blind59', '.blind60', '.blind61', '.blind62', '.blind63', '.blind64', '.blind65', '.blind66']
# Features kept per language, by weight magnitude (the file stays reviewable and the wasm small).
# The risk, urgency and emergency heads are fitted on naive-Bayes-scaled features (`NaiveBayesLogistic`). Leaving each of
# trainAE..AK out in turn, against plain logistic regression with 9,000 / 6,000 features: English
# with 15,000 caught 11 more of 1,304 at risk, 4 more emergencies at urgent+ and 4 fewer false
# alarms of 1,376 (30,000: 6 more catches for 3 more false alarms); Spanish with 12,000 caught 4
# more of 1,085 for 8 fewer false alarms of 1,275 (plain, 12,000 and C=1: 11 more, 2 fewer).
FEATURES = {'en': 15000, 'es': 12000}
CHAR_GRAM = 5        # 3, 4 and 5 compared leaving each of blind7..11 out in turn; 5 generalised best
C = 0.3              # L2 strength (0.3, 1 and 3 were tried on blind5; 0.3 kept)
# On out-of-fold messages the rules leave alone. Leaving each of trainV..X and blind10/11 out in
# turn, 0.03 caught 25 more English messages of 820 than 0.02 for 5 more false alarms of 820, and
# 13 more Spanish of 622 for 5 of 618; 0.04 caught 9 more English for 5 more false alarms (3 and 2
# leaving trainAE/AF out). English spends it: its held-out false-alarm rate sat near 1% (blind12..14),
# Spanish near the 3% bar. Spanish went over it (blind12..25, 41 of 1,325 with 0.03), so 0.02:
# leaving each of trainBE..BQ out in turn, 0.02 caught 5 fewer Spanish messages of 1,083 for 6 fewer
# false alarms of 1,867 (0.025: 2 and 1; 0.015: 9 and 11).
TARGET_FPR = {'en': 0.04, 'es': 0.02}
URGENCY_FEATURES = 1000
# The urgency head's threshold (lifting the rules' concern, or making the model's own finding
# urgent). 0.6 was chosen on blind7 (0.5-0.8 tried) before blind8 was written; leaving each of
# trainAM..AY out in turn, 0.45 put 4 more English and 3 more Spanish emergencies at urgent+ of
# 805 and 721, for 7 and 5 more messages labelled concern, and 3 and 5 false alarms already
# flagged, raised to urgent (0.3: 8 and 4 more emergencies for 9 and 7 concern, 11 and 7 false alarms).
# 0.40 was tried: leaving each of trainCK..CZ out in turn (seven of them emergency-heavy), 2 more
# English emergencies at urgent+ of 509 and 1 more Spanish of 344, for 2 more English messages
# labelled concern of 237 (Spanish none of 168) raised to urgent; but held out (blind12..27) it put
# 1 more English emergency of 546 at urgent+ (Spanish none) for 11 of 914 and 5 of 610 messages
# labelled concern raised to urgent, so it stays at 0.45.
URGENCY_THRESHOLD = 0.45
# The urgency head finds `urgent` alone at this probability, where the rules and the risk head found
# nothing: leaving each of trainAC..AF out in turn, 0.8 caught 8 English messages at risk and no
# safe one (0.7: 10 and 2; Spanish 0.7: 8 and 1). With emergencies weighing 3 in the urgency head
# and 0.7, leaving each of trainAM..AV out in turn (a quarter of trainAS..AV are emergencies, with
# their everyday near misses): 3 more English and 4 more Spanish emergencies at urgent+ of 580 and
# 535, for 1 and 2 more false alarms of 1,610 and 1,544 (0.65: 4 and 4 for 2 and 4).
# 0.6 was tried on trainCK..CZ: left out in turn, 3 more English messages at risk caught (3
# emergencies) for no more false alarms of 820, Spanish 1 more of 700 for 2 more false alarms; but
# held out (blind12..27) English caught 1 more of 2,282 (no emergency) for 2 more false alarms of
# 2,278, and 7 more on the training sets, so both stay at 0.7.
URGENCY_ALONE = 0.7
# The emergency head: emergency against everything else. Where it reaches this probability the
# model's finding is `urgent` (as where the urgency head reaches URGENCY_THRESHOLD): a third head
# learns danger-now phrasings the urgency head, which also weighs every message labelled urgent,
# weighs less. Leaving each of 17 English and 15 Spanish sets out in turn (trainBT..EE, most of
# them emergency-heavy): English 0.5 put 5 more emergencies at urgent+ of 1,209 for 1 more message
# labelled concern of 320 and 1 false alarm already flagged raised to urgent (0.4: 5 for 1 and 3;
# 0.3: 7 for 1 and 4); Spanish 0.4 put 7 more of 1,154 at urgent+ for none (0.5: 5; 0.3: 7).
EMERGENCY_THRESHOLD = {'en': 0.5, 'es': 0.4}
EMERGENCY_WEIGHT = 3.0
# Past this many words the model needs more: a long message holds many words that lean to risk on
# their own. Leaving sets out in turn (trainH..N, blind11), 0.95 above 60 words kept 13 English and
# 2 Spanish false alarms away for 7 and 4 catches.
LONG_WORDS = 60
LONG_THRESHOLD = 0.95
# Where an exclusion matched (an idiom, an object, an everyday use) the model needs this: leaving
# each of trainAM..AV out in turn, 0.99 instead of silence caught 8 more English and 4 more Spanish
# messages at risk (4 and 1 emergencies) for no more false alarms of 3,154 (0.95: 12 and 5, but
# it flagged exclusion examples the rules' tests hold).
WARY_THRESHOLD = 0.99
# One sentence of a longer message, read alone where the whole message was not flagged (the words of
# an ordinary request can outweigh one sentence at risk) needs this. After safe training messages,
# a risk sentence the model alone finds, appended, was lost 61 of 108 times (English) and 71 of 107
# (Spanish); reading sentences alone at 0.9 lost 28 and 26 (0.95: 40 and 44; 0.98: 52 and 58), for
# 23 and 23 more false alarms on the training sets (0.95: 10 and 9). Held out (blind12..24; 0.9,
# 0.95, 0.98 and 0.99 were looked at there): 3 more English and 2 more Spanish catches for 2 more
# English false alarms of 1,828.
SENTENCE_THRESHOLD = 0.9
# Below these probabilities the model overrules the rules' concern and urgent (never emergency):
# leaving each of trainY..AD out in turn (sets no rule had been written from), 0.02 dropped 6 English
# and 6 Spanish false alarms and no message at risk; urgent findings need the stricter 0.005, which
# kept a preparation message ("close all my accounts so there's nothing left after") 0.02 dropped.
VETO = (0.02, 0.005)
# Where only weak rules (a bare mention of a word) found concern, per language: see `screen_with`
# in src/screen/mod.rs for how 0.1 was chosen for Spanish.
VETO_WEAK = {'en': 0.02, 'es': 0.1}
# The category head (which of CATEGORIES a model finding is in): multinomial logistic regression
# on the messages at risk, labelled by their first category. The old rule (each feature voted its
# risk weight for the category it most often came with) named generic risk words "suicide": out of
# fold on the training sets (5 folds), for messages the rules leave to the model, it named the
# labelled first category for 0.665 of Spanish messages. Over all kept features, C=1: 0.885 en,
# 0.886 es; refitted on the 1,000 / 2,000 heaviest: es 0.861 / 0.870 (truncating instead: 0.836 / 0.863).
CATEGORY_FEATURES = 1500
CATEGORY_C = 1.0


def load(path):
    rows = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            if line.startswith('#') or not line.strip():
                continue
            level, cats, text = line.rstrip('\n').split('\t', 2)
            rows.append((LEVELS.index(level), cats, text))
    return rows


def run_bin(command, texts):
    payload = ''.join(json.dumps({'id': i, 'text': t}) + '\n' for i, t in enumerate(texts))
    out = subprocess.run([BIN, command], input=payload, capture_output=True, text=True, check=True).stdout
    return [json.loads(line) for line in out.splitlines()]


def grams(words):
    """The features of a message: its words, adjacent word pairs, and the character 5-grams of
    each word padded as `<word>` (written `~` + 5 characters; ASCII only, as the engine reads
    bytes), which carry the model across misspellings, inflections and words it never saw whole."""
    found = set(words) | {a + ' ' + b for a, b in zip(words, words[1:])}
    for w in words:
        padded = '<' + w + '>'
        found |= {'~' + padded[i:i + CHAR_GRAM] for i in range(len(padded) - CHAR_GRAM + 1)
                  if padded[i:i + CHAR_GRAM].isascii()}
    return found


def features(read):
    """A message's features: its grams, and `@` + the id of every rule whose pattern matched
    (markers and concepts included, whatever context later judged): the rules' word classes
    (a high place, a time of now, means at hand) carry the model to phrasings it never saw."""
    return grams(read['words']) | {'@' + rule for rule in read['rules']}


def matrix(bags, vocab):
    rows, cols = [], []
    for i, bag in enumerate(bags):
        for g in bag:
            j = vocab.get(g)
            if j is not None:
                rows.append(i)
                cols.append(j)
    return sparse.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(len(bags), len(vocab)))


class NaiveBayesLogistic:
    """Logistic regression over features scaled by their naive-Bayes log-count ratio (Wang & Manning
    2012, "NBSVM"): a feature's weight starts from how much more often it comes with risk than without,
    which helps rare words. The scaling folds into the weights, so the engine reads the same file."""

    def __init__(self, x, y, weight=None):
        with_risk = np.asarray(x[y].sum(axis=0)).ravel() + 1
        without = np.asarray(x[~y].sum(axis=0)).ravel() + 1
        ratio = np.log((with_risk / with_risk.sum()) / (without / without.sum()))
        inner = LogisticRegression(C=C, max_iter=5000, class_weight='balanced').fit(x @ sparse.diags(ratio), y, sample_weight=weight)
        self.coef_ = inner.coef_ * ratio
        self.intercept_ = inner.intercept_

    def predict_proba(self, x):
        p = 1 / (1 + np.exp(-(x @ self.coef_[0] + self.intercept_[0])))
        return np.stack([1 - p, p], axis=1)


def fit(x, y, weight=None):
    return NaiveBayesLogistic(x, y, weight)


def train(lang):
    rows = []
    for name in TRAIN_SETS:
        path = os.path.join(ROOT, 'tests', 'screen', f'{lang}{name}.tsv')
        if os.path.exists(path):
            rows += load(path)
    texts = [t for _, _, t in rows]
    bags = [features(r) for r in run_bin('words', texts)]
    y = np.array([level >= 2 for level, _, _ in rows])
    # What the rules alone found: the previous model's own findings must not decide which safe
    # messages count as rule-clean (that would drop its hardest false alarms from the threshold).
    ruled = np.array([max([LEVELS.index(e['level']) for e in r['evidence'] if not e['rule'].endswith('.model')] + [0]) >= 2
                      for r in run_bin('screen', texts)])
    vocab = {g: i for i, g in enumerate(sorted(set().union(*bags)))}
    x = matrix(bags, vocab)

    # Threshold: out-of-fold probabilities on the safe messages the rules already leave alone.
    oof = np.zeros(len(rows))
    for a, b in StratifiedKFold(n_splits=5, shuffle=True, random_state=0).split(x, y):
        oof[b] = fit(x[a], y[a]).predict_proba(x[b])[:, 1]
    safe = ~y & ~ruled
    threshold = next(t for t in np.arange(0.50, 0.995, 0.005) if (oof[safe] >= t).mean() <= TARGET_FPR[lang])

    model = fit(x, y)
    weights = model.coef_[0]
    # The urgency head: urgent or emergency against everything else, emergencies weighing
    # EMERGENCY_WEIGHT (a missed emergency is the costliest error).
    levels = np.array([level for level, _, _ in rows])
    urgency = fit(x, levels >= 3, np.where(levels == 4, EMERGENCY_WEIGHT, 1.0))
    u_weights = urgency.coef_[0]
    emergency = fit(x, levels == 4)
    e_weights = emergency.coef_[0]
    names = sorted(vocab, key=vocab.get)
    # The risk head's heaviest features, and as many of each other head's as the urgency head keeps.
    keep = (set(np.argsort(-np.abs(weights))[:FEATURES[lang]]) | set(np.argsort(-np.abs(u_weights))[:URGENCY_FEATURES])
            | set(np.argsort(-np.abs(e_weights))[:URGENCY_FEATURES]))
    keep = sorted(keep, key=lambda j: names[j])
    # The category head: which category a finding is in, fitted on the messages at risk (their first
    # category) over the kept features, then refitted on the CATEGORY_FEATURES that weigh most.
    first = np.array([next((CATEGORIES.index(c) for c in cats.split(',') if c in CATEGORIES), -1) for _, cats, _ in rows])
    at_risk = y & (first >= 0)
    xk = x[:, keep][at_risk]
    full = LogisticRegression(C=CATEGORY_C, max_iter=5000).fit(xk, first[at_risk])
    strongest = np.sort(np.argsort(-np.linalg.norm(full.coef_, axis=0))[:CATEGORY_FEATURES])
    head = LogisticRegression(C=CATEGORY_C, max_iter=5000).fit(xk[:, strongest], first[at_risk])
    if list(head.classes_) != list(range(len(CATEGORIES))):
        sys.exit(f'{lang}: every category needs messages at risk to train the category head')
    cat_weights = {keep[j]: head.coef_[:, n] for n, j in enumerate(strongest)}

    def category(j):
        w = cat_weights.get(j)
        return '-' if w is None else ','.join(f'{v:.3f}' for v in w)

    out = os.path.join(ROOT, 'data', 'screen', f'{lang}.model.tsv')
    with open(out, 'w', encoding='utf-8') as f:
        f.write(f'# Generated by scripts/train-screen-model.py from tests/screen/{lang}{{{",".join(TRAIN_SETS)}}}.tsv '
                f'({len(rows)} messages, {int(y.sum())} at concern or above). Do not edit: retrain.\n')
        f.write('# Logistic regression over folded words and word pairs, three heads (risk: concern or above; urgency:\n')
        f.write('# urgent or above; emergency) and a category head. A feature line is: words<TAB>risk weight<TAB>urgency\n')
        f.write(f'# weight<TAB>emergency weight<TAB>its category weights ({",".join(CATEGORIES)}), or - when the category head does not read it.\n')
        f.write(f'bias\t{model.intercept_[0]:.3f}\t{urgency.intercept_[0]:.3f}\t{emergency.intercept_[0]:.3f}\n')
        f.write(f'category_bias\t{",".join(f"{v:.3f}" for v in head.intercept_)}\n')
        f.write(f'threshold\t{threshold:.3f}\t{URGENCY_THRESHOLD:.3f}\n')
        f.write(f'long\t{LONG_WORDS}\t{max(threshold, LONG_THRESHOLD):.3f}\n')
        f.write(f'veto\t{VETO[0]:.3f}\t{VETO[1]:.3f}\t{VETO_WEAK[lang]:.3f}\n')
        f.write(f'urgency_alone\t{URGENCY_ALONE:.3f}\n')
        f.write(f'emergency\t{EMERGENCY_THRESHOLD[lang]:.3f}\n')
        f.write(f'wary\t{WARY_THRESHOLD:.3f}\n')
        f.write(f'sentence\t{SENTENCE_THRESHOLD:.3f}\n')
        for j in keep:
            w = weights[j]
            f.write(f'{names[j]}\t{w:.3f}\t{u_weights[j]:.3f}\t{e_weights[j]:.3f}\t{category(j)}\n')
    print(f'{lang}: {len(rows)} messages, threshold {threshold:.3f} (out-of-fold FPR on rule-clean safe messages '
          f'{(oof[safe] >= threshold).mean():.3f}), {len(keep)} features -> {os.path.relpath(out, ROOT)}')


if __name__ == '__main__':
    for lang in ['en', 'es']:
        train(lang)
