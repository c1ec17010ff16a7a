/**
 * Claim suggestions: proposes claims in an article with a label, the cue words that led to it, the
 * source and a confidence. Rule-based over wink-nlp's sentences, tokens, parts of speech and negation
 * scope (see docs/suggestions.md for the cues, their precedence and the measured figures).
 *
 * Everything runs on the device: the model ships in npm and nothing is fetched.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Label, SourceKind } from '../../shared/pack/vocabulary';
import { classify, loadClassifier, type LoadedClassifier } from './classifier';
import shippedModel from './model.json';
import { wordClusters } from './word-clusters';

export interface SuggestionSource {
  name: string;
  kind: SourceKind;
}

export interface Suggestion {
  /** UTF-16 offsets into the analysed text: `text.slice(start, end) === suggestion.text`. */
  start: number;
  end: number;
  text: string;
  label: Label;
  /** The cue words as they appear in the text. */
  cues: string[];
  source: SuggestionSource | undefined;
  /**
   * Through whom the claim reached the article, in order: the source first, the outlet last
   * ("Reuters, citing an anonymous official, reported": the official, Reuters, the outlet).
   */
  chain: string[];
  /** 0..1: how sure the rules are (strong explicit cue, agreeing cues, no competing cues). */
  confidence: number;
}

const nlp = winkNLP(model, ['sbd', 'pos', 'negation']);
const its = nlp.its;

/** The outlet's own reporting: a claim with no attribution. */
export const OUTLET: SuggestionSource = { name: 'the outlet', kind: 'outlet' };

/**
 * A pronoun with no named source before it in its paragraph ("He told reporters ..." opening an
 * article): the suggestion leaves the source empty for the instructor rather than guess.
 */
const UNRESOLVED: SuggestionSource = { name: '', kind: 'party' };

// ---------------------------------------------------------------------------------------------
// Lines that are not article prose (kept out of the analysis, offsets preserved)

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const MONTH_WORD = new RegExp(`^${MONTH}$`);
/** A month's name as one word ("march", "sept."). */
const isMonth = (w: string | undefined) => w !== undefined && MONTH_WORD.test(w);
/** A year written as a number, 1800–2099. */
const isYear = (w: string) => /^(?:1[89]|20)\d\d$/.test(w);
const NOT_PROSE = [
  /^#/, // markdown heading (the headline has its own exercise)
  /^!?\[[^\]]*\]\([^)]*\)$/, // image or link alone
  /^\*\*.*\*\*$/, // bold line ("**Related article: ...**")
  /^(related( article)?|read more|see also|original url|source|photo|credit)\s*:/i,
  /^by\s+\S+(\s+\S+){0,4}$/i, // byline
  /^<?https?:\/\/\S+>?$/, // a bare URL
  new RegExp(`^(\\w+day,?\\s+)?(${MONTH}\\s+\\d{1,2},?\\s+\\d{4}|\\d{1,2}\\s+${MONTH}\\s+\\d{4})$`, 'i'),
  /\]\([^)]*\)$/, // ends with a link: a photo caption with its credit
];

function isProseLine(line: string): boolean {
  const trimmed = line.trim();
  if (trimmed === '') return true; // blank lines separate paragraphs; keep them
  if (NOT_PROSE.some((re) => re.test(trimmed))) return false;
  // A short line without a verb-like ending (a heading, a standfirst label) is kept: sentence
  // boundaries and the cue rules decide; only the patterns above are dropped.
  return true;
}

/** The text with every non-prose line blanked out character for character (offsets unchanged). */
export function maskNonProse(text: string): string {
  return text
    .split('\n')
    .map((line) => (isProseLine(line) ? line : line.replace(/[^\r]/g, ' ')))
    .join('\n');
}

/**
 * Every letter beyond Latin-1 replaced by one wink reads as a letter, one UTF-16 unit for one: its
 * base letter when it has one ("ğ" g, "Ł" L by case), else "a" or "A" (offsets unchanged).
 */
export function foldLetters(text: string): string {
  return text.replace(/[\u0100-\uffff]/g, (ch) => {
    if (!/\p{L}/u.test(ch)) return ch;
    const base = ch.normalize('NFD')[0]!;
    if (base.charCodeAt(0) <= 0xff && /\p{L}/u.test(base)) return base;
    return ch === ch.toUpperCase() ? 'A' : 'a';
  });
}

// ---------------------------------------------------------------------------------------------
// Word lists (lower-case normals as wink gives them)

const set = (words: string) => new Set(words.split(/\s+/).filter(Boolean));

const SPEECH_VERBS = set(`say says said saying tell tells told add adds added announce announces announced
  confirm confirms confirmed deny denies denied reject rejects rejected dismiss dismisses dismissed
  state states stated report reports reported claim claims claimed allege alleges alleged estimate
  estimates estimated predict predicts predicted call calls called insist insists insisted decline
  declines declined warn warns warned argue argues argued note notes noted write writes wrote
  acknowledge acknowledged admit admitted comment commented explain explained accuse accuses accused
  blame blames blamed complain complains complained stress stresses stressed urge urges urged testify
  testifies testified reply replies replied respond responds responded concede concedes conceded tweet
  tweets tweeted`);
/**
 * Verbs that say who spoke only right after a quotation ('"...," Rice continued', '"...," read the
 * statement'); after a plain comma they are the sentence's own verbs (", the fighting continued").
 */
const AFTER_QUOTE_VERBS = set(`continued continues remarked remarks read reads recalled recalls concluded concludes
  observed asked asks questioned answered sighed sighs quipped exclaimed cautioned recounted`);
const CALL = set('call calls called calling');
/**
 * Tenth round: verbs by which a subject gives a view or an account without a verb of saying ("The
 * association described the record as an embarrassment", "China expressed regret", "Analysts
 * believe ..."): the subject is the claim's source (the labels still come from the cues).
 */
const EXPRESS_VERBS = set(`describe describes described characterise characterises characterised characterize
  characterizes characterized dub dubs dubbed label labels labelled labeled brand brands branded express
  expresses expressed voice voices voiced criticise criticises criticised criticize criticizes criticized
  condemn condemns condemned denounce denounces denounced decry decries decried slam slams slammed fault
  faults faulted praise praises praised welcome welcomes welcomed commend commends commended hail hails
  hailed defend defends defended dispute disputes disputed contest contests contested contend contends
  contended assert asserts asserted maintain maintains maintained suggest suggests suggested indicate
  indicates indicated reveal reveals revealed mention mentions mentioned outline outlines outlined
  highlight highlights highlighted echo echoes echoed clarify clarifies clarified reason reasons reasoned
  reaffirm reaffirms reaffirmed concur concurs concurred remark remarks remarked believe believes believed feel feels felt hope hopes hoped fear fears feared doubt doubts
  doubted consider considers considered specify specifies specified justify justifies justified declare
  declares declared`);
/** Speech verbs that never lead an inverted attribution: what follows them is their object. */
const NOT_INVERTED = set(`deny denies denied reject rejects rejected dismiss dismisses dismissed accuse accuses
  accused blame blames blamed urge urges urged call calls called`);
/** "Residents were told to ...": with these verbs in the passive, the subject is who was spoken to. */
const ADDRESSEE_PASSIVE = set('told warned urged asked advised ordered instructed');
/** "An official who asked not to be named", "declined to be identified": anonymity, not withheld news. */
const ANONYMITY_REQUEST = set('asked asking requested requesting wished preferred declined refused');
const CONFIRM = set('confirm confirms confirmed confirming confirmation verify verified verifies');
const DENY = set(
  `deny denies denied denying denial reject rejects rejected rejecting dismiss dismisses dismissed refute
  refutes refuted rebut rebutted dispute disputes disputed disputing discount discounts discounted`,
);
/** What "false", "rejected" may qualify and still deny: a claim ("false reports", "baseless allegations"). */
const CLAIM_NOUNS = set(`report reports claim claims allegation allegations accusation accusations rumour rumours
  rumor rumors story stories news information charge charges suggestion suggestions assertion assertions`);
/** What a court or an office rejects or denies as a decision, not as a claim: "rejected his appeal". */
const REQUEST_NOUNS = set(`request requests application applications appeal appeals plea pleas case cases bill bills
  motion motions proposal proposals offer offers bid bids entry access bail permission permit visa visas asylum
  petition petitions claim-form parole leave abortion treatment license licence lawsuit lawsuits suit suits
  complaint complaints call calls demand demands resolution resolutions`);
const UNEXPLAINED = set('explanation explanations reason reasons motive motives cause word');
const GIVEN = set('given released provided offered disclosed published announced made');
/** A source that is only hearsay: "sources", "reports", "local reports", "rumours". */
const HEARSAY_SOURCE = /^(?:the )?(?:\w+ )?(?:sources?|reports|rumou?rs)$/i;
/** "insisted that ... not": a denial when a negation follows in the clause. */
const INSIST = set('insist insists insisted insisting maintain maintains maintained');
const FALSEHOOD = set('false untrue baseless unfounded groundless fabricated fabrication');
const DECLINE = set('decline declines declined declining refuse refuses refused');
const DECLINE_OBJECT = set('comment confirm say name disclose discuss identify give reveal elaborate specify');
/** "would not say", "did not disclose whether": a source keeping back what it knows. */
const WITHHOLD_SPEECH = set('say said disclose disclosed reveal revealed discuss elaborate specify specified explain explained');
const WH_WORDS = set('whether if how what who when why where which');
/** "did not respond to questions", "did not return calls": no answer given. */
const RESPOND = set('respond responds responded reply replies replied return returned answer answered');
const ENQUIRIES = set(`questions question requests request calls call emails email messages message inquiries
  enquiries queries comment`);
/** "has not released the names": information held back. Not "released the prisoners". */
const RELEASE = set('release released releases publish published disclose disclosed reveal revealed give gave provide provided');
const INFO_OBJECTS = set(`name names identity identities figure figures toll details information number numbers data
  results cause reason evidence fee amount terms price sum location whereabouts`);
/** "the cause has not been established", "the victim has yet to be named": not yet known. */
/** Whom "has not named / identified" leaves unnamed: news withheld, not an anonymous speaker. */
const NAMED_PEOPLE = set(`victim victims suspect suspects dead deceased man woman men women driver pilot gunman attacker
  attackers person people soldier soldiers officer officers boy girl child children`);
const ESTABLISHED = set('established determined identified named ascertained');
const COMMENT = set('comment comments commented');
const UNKNOWN = set('unclear unknown unverified unconfirmed uncertain');
const WEAK_UNCONFIRMED = set(
  'reportedly allegedly claim claimed claims alleged allege alleges purportedly rumoured rumored speculation',
);
/** Hearsay and accusation words that are adjectives ("the alleged downing") or verbs of blame. */
const HEARSAY_ADJ = set('alleged suspected purported supposed');
/** "is illegal in the UK / under the treaty / to sell": the law's scope, so the law is stated (not "the war was illegal"). */
/** "ruled / declared / found ... unconstitutional": a court's verdict stated, not a judgement of the speaker's. */
const VERDICT = set('ruled rules declared declares found finds deemed struck');
const LAW_SCOPE = set('in under to for without unless throughout across within since until everywhere there here');
const RUMOURS = set('rumour rumours rumor rumors');
const INQUIRE = set(`determine determining establish establishing investigate investigating investigated
  verify verifying ascertain examine examining assess assessing check checking know`);
/** Before "not": what one will or can do, not what happened ("would not return", "cannot afford"). */
const INTENT_MODALS = set(`would will wo 'll can ca could shall`);
/** "could reveal whether", "learning why": what an inquiry may yet find out. */
const FIND_OUT = set('reveal revealing learn learning clarify clarifying');
const ACCUSATION_WORDS = set(`allegation allegations accusation accusations accused accuses alleged alleges
  claims claimed charges charged reports rumours rumors`);
/** Where claims are heard before they are established: "the court heard", "the inquest was told". */
const COURT_WORDS = set('court jury inquest tribunal hearing trial');
const ASSERT = set('assert asserts asserted contend contends contended maintain maintains maintained purport purports');
const ACCUSE = set('accuse accuses accused accusing blame blames blamed blaming');
/** Words before "confirm", "comment" or "know" that withhold it ("was unable to confirm"). */
/** Words that negate the verb right after or before them. */
const NEGATORS = set("not n't never no nobody none neither nor cannot");
const WITHHOLD = set(`not n't never no neither nor nobody none unable yet failed fail fails refused
  refuses cannot without awaiting await awaits pending short`);
const SHOW = set('show shows showed');
const RECORD = set('records data figures statistics readings documents results');
const ANNOUNCE = set('announced announces announce');
const APPROX = set('about around roughly approximately nearly almost some over under estimated approximate between');
const APPROX_2 = [
  'at least',
  'up to',
  'more than',
  'fewer than',
  'less than',
  'as many as',
  'as much as',
  'close to',
  'in excess of',
];
const PROJECTION = set(`expected expect expects expecting planned projected forecast forecasts predicted
  predict predicts estimate estimates estimated assessed assessment projection likely plans intend intends
  intended scheduled`);
const PLAN_WORDS = set('plans plan planned planning intend intends intended');
/** Seventh round: "aims to double its sales", "hopes to resume flights": a plan or an expectation (rule 5). */
const READING_NOUNS = set('blow setback boost victory triumph defeat mistake');
const AIM = set('aim aims aiming hope hopes hoping');
const UNITS = set(`second minute hour day week fortnight month year decade century mile kilometre kilometer
  metre meter foot dozen score hundred thousand million billion third quarter half`);
const MODAL = set('could may might would');
const CONDITIONAL_MODAL = set('would could might');
/** "could be heard / seen": what was perceived, not a guess. */
const PERCEIVED = set('heard seen felt found spotted observed smelled');
const NORMATIVE = set('should must ought');
const NUMBER_WORDS = set(`dozens hundreds thousands millions billions tens dozen hundred thousand million
  billion two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty sixty
  seventy eighty ninety half twice`);
// Not here, though they often sit in judgements: words that as often name a plain fact ("a crucial
// vote", "significant damage", "waste systems", "a historic first").
const EVALUATIVE = set(`extraordinary serious illegal desperate desperation disgrace
  disgraceful terrible awful fantastic excellent great best worst dangerous wise
  unwise disrespectful unfair short-sighted scandal scandalous shocking shock
  outrageous ridiculous absurd reckless irresponsible brave courageous heroic shameful tragic
  catastrophic disastrous remarkable incredible unacceptable appalling vital betrayed betrayal
  disappointing disappointed horrific horrible brilliant superb stunning alarming worrying deplorable
  cynical unjust unjustified wrongheaded shameless pathetic admirable impressive sad sadly happy proud
  dishonest racist racists bloated alarmed frustrated disgusted delighted thrilled unstoppable maniacs
  simplest chaotic shambolic unconstitutional deserve deserves deserved undeserved`);
const EVALUATIVE_2 = set(`unfortunate unfortunately fortunate fortunately stupid foolish wonderful beautiful
  amazing awesome bad worse harmful adverse optimistic optimistically pessimistic darkest finest greatest
  regrettable deplorable commendable laudable praiseworthy inexcusable unforgivable hypocritical`);
/**
 * Verbs of stance: a belief, a feeling, praise or blame ("he believes", "criticized", "praised").
 * Not "believed to" or "thought to": hearsay, below.
 */
const STANCE_VERBS = set(`believe believes think thinks feel feels seem seems hope hopes fear fears
  criticise criticises criticised criticize criticizes criticized condemn condemns condemned praise
  praises praised commend commends commended congratulate congratulates congratulated lament laments
  lamented applaud applauds applauded doubt doubts doubted`);
/** Verbs that name or characterise: "dubbed", "branded", "labelled ... as". */
const CHARACTERISE = set(`dub dubs dubbed brand brands branded label labels labelled labeled characterise
  characterises characterised characterize characterizes characterized`);
/** "is seen / regarded / viewed / considered as": a reading of what something is. */
const READ_AS = set('seen regarded viewed considered perceived');
/** "see / regard / view X as": a reading of what X is. */
const READ_ACTIVE = set('see sees saw regard regards view views');
/** "as well", "as soon as", "as part of": no reading. */
const NOT_AS = set('well soon long much many part far if though');
const BELIEVE = set('believe believes believed');
/** Who judges a fact from the evidence as their work: investigators, police, scientists, doctors. */
const FINDING_HOLDERS = (w: string) =>
  /^[a-z]+ologists?$/.test(w) || SPECIALISTS.has(w) || EXPERT_WORDS.has(w) || INVESTIGATORS.has(w);
const INVESTIGATORS = set('investigators investigator police detectives inspectors doctors analysts');
const GUESS_VERBS = set('theorize theorized theorise theorised speculate speculates speculated speculating surmised');
/** What "serious" grades as a fact: "in serious condition", "serious injuries". */
const HARM = set('condition conditions injury injuries injured wound wounds accident accidents crash burns illness');
/** After "great": kin ("great uncle") and quantities ("a great deal", "the great majority"). */
const NOT_GREAT = set(`uncle aunt grandfather grandmother grandson granddaughter grandchildren grandparents nephew niece
  deal majority many -`);
/** "expressed concern", "voiced disgust": a feeling stated. */
const FEELINGS = set('concern concerns disgust sadness regret anger frustration outrage shock hope dismay alarm');
const CLAUSE_SPLIT = set('while whereas but although though');
const PRONOUN_SOURCES = set('he she it they we i');

const ANONYMOUS_WORDS = set('unnamed anonymous sources source insider insiders');
/**
 * "Anonymous said", "a member of Anonymous": the hacker collective, a party by its name, not a
 * speaker left unnamed; "Anonymous sources said" at a sentence's start still is one.
 */
const anonymousCollective = (words: readonly string[], values: readonly string[]) =>
  words.some(
    (w, k) =>
      w === 'anonymous' &&
      values[k] === 'Anonymous' &&
      !ANONYMOUS_WORDS.has(words[k + 1] ?? '') &&
      !UNNAMED_OFFICIALS.has(words[k + 1] ?? '') &&
      !/^(people|person|man|woman|men|women|aide|aides)$/.test(words[k + 1] ?? ''),
  );
const INTELLIGENCE_WORDS = set('intelligence spy');
const LEGISLATOR_WORDS = set(`lawmaker lawmakers legislator legislators mp mps senator senators
  congressman congresswoman congressmen representative councillor councillors councilor councilors
  assemblyman assemblywoman parliamentarian deputy deputies`);
/** Another outlet: it reports in its own voice, as the article's outlet does (kind `outlet`). */
const OUTLET_WORDS = set(`reuters ap afp bbc cnn xinhua itar-tass tass interfax ria yonhap kyodo bloomberg
  newspaper newspapers tabloid broadcaster radio television tv channel magazine journal gazette times post
  guardian telegraph herald tribune daily weekly press wire correspondent reporter reporters journalist
  journalists news media tabloids broadcasters broadcasting`);
/**
 * Outlets known by name, counted only when written with a capital ("told Billboard", "The
 * Independent reported"): as common words they mean something else ("an independent inquiry").
 */
const OUTLET_NAMES = set(`billboard variety politico axios npr pbs nbc cbs abc msnbc cnbc espn sky
  jazeera al-jazeera dpa ansa efe nhk kcna irna isna anadolu sputnik rt forbes newsweek
  independent observer mirror express globe chronicle inquirer examiner courier bulletin dispatch onion
  slate salon wired vice buzzfeed huffpost tmz spiegel bild figaro monde haaretz kommersant izvestia
  vedomosti pravda asahi mainichi yomiuri nikkei`);
/** "Billboard", "The Independent": a capitalised outlet name, not followed by a noun it qualifies ("Independent experts"). */
const outletName = (t: Toks, k: number, to: number) =>
  /^\p{Lu}/u.test(t.value[k]!) && (k === to || t.pos[k + 1] === 'PROPN' || t.pos[k + 1] === 'PUNCT');

/** Specialists speaking from what they study (kind `expert`). */
const EXPERT_WORDS = set('engineer engineers scientist scientists expert experts economist economists');
/** An official the article does not name when no name follows: "a senior official", "a diplomat familiar with the talks". */
const UNNAMED_OFFICIALS = set('official officials diplomat diplomats officer officers');
/** Specialists by their trade, before a title ("Professor Ann Lee", "chief economist Jo Park"): `expert`. */
const SPECIALISTS = set('professor prof. researcher researchers academic academics scientist scientists economist economists');
/**
 * Twelfth round: "analysts", "observers" speak from what they study (the guide: unnamed people take the
 * kind of what the article says they are; analysts and observers are `expert`), not for a body.
 */
const WATCHERS = set('analyst analysts observer observers');
/** Twelfth round: "the regulator dismissed the company's claim": an authority, no side (`institution`). */
const REGULATORS = set('regulator regulators watchdog watchdogs');
const isWitness = (w: string) => /^(?:eye)?witness(?:es)?$/.test(w);
const SPOKES_WORDS = set('spokesman spokeswoman spokesperson spokespeople');
const TITLE_WORDS = set(`secretary minister mayor president leader chief commander officer director
  governor judge prosecutor chair chairman chairwoman captain manager agent lawyer dr. dr doctor
  forecaster author analyst ceo executive head general ambassador premier chancellor sheriff
  superintendent inspector professor prof. coach founder`);
const INSTITUTION_WORDS = set(`ministry department agency service commission council authority police
  university union association federation government company firm office court nato un committee
  researchers analysts forecasters insurers report study records data statement board club
  newspaper army military military's bloc institute hospital school bank operator authorities
  administration programme program organisation organization foundation fund charity ministries agencies
  departments companies`);
/** Seventh round: bodies known by name, capitalised ("the Red Cross", "UNICEF", "Amnesty International"). */
const INSTITUTION_NAMES = set(`cross crescent unicef unhcr unesco amnesty oxfam interpol fifa uefa ioc opec imf
  greenpeace fao wfp iaea ocha icrc msf u.n. nations`);
const PLURAL_SPEAKERS = set('officials sources insiders critics residents witnesses experts analysts');
const PARTY_COMMON = set('residents resident witnesses witness workers worker people campaign family neighbours');

// ---------------------------------------------------------------------------------------------

interface Toks {
  value: string[];
  normal: string[];
  pos: string[];
  neg: boolean[];
  start: number[];
  end: number[];
}

interface Rule {
  label: Label;
  rank: number; // higher wins
  strength: number; // base confidence
  cue: [number, number] | undefined; // token range, inclusive; none for a clause no cue speaks for
}

interface Clause {
  from: number; // token index, inclusive
  to: number; // inclusive
  quoted: boolean;
  /** Split off at "and" between two figures: the same statement goes on (and has the same source). */
  continues?: boolean;
}

const isWord = (t: Toks, i: number) => /[\p{L}\p{N}]/u.test(t.value[i] ?? '');
const isQuote = (v: string) => v === '"' || v === '“' || v === '”' || v === '«' || v === '»';
const isNumber = (t: Toks, i: number) => t.pos[i] === 'NUM' || NUMBER_WORDS.has(t.normal[i] ?? '');

export interface AnalyseOptions {
  /**
   * The learned classifier that labels clauses no strong cue decides (see `labelClause`); `null`
   * for the rules alone. By default the shipped model (model.json, `npm run train:suggest`).
   */
  classifier?: LoadedClassifier | null;
  /** Called with every clause's span and features: how `npm run train:suggest` collects examples. */
  onClause?: (clause: { start: number; end: number; features: string[] }) => void;
}

let shipped: LoadedClassifier | undefined;
const shippedClassifier = () => (shipped ??= loadClassifier(shippedModel));

/** Suggest claims in `text` (offsets are into `text` itself). */
export function suggestClaims(text: string, options: AnalyseOptions = {}): Suggestion[] {
  const steps = suggestClaimsInSteps(text, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same work, pausing (`yield`) at the start of each paragraph, so that a server can let other
 * requests through between paragraphs of a long article.
 */
export function* suggestClaimsInSteps(text: string, options: AnalyseOptions = {}): Generator<void, Suggestion[]> {
  const run: Run = {
    classifier: options.classifier === undefined ? shippedClassifier() : options.classifier,
    onClause: options.onClause,
    paragraph: -1,
    sentence: 0,
    chains: new Map(),
    outlets: new Set(),
    quoteSpeaker: undefined,
    lastSpeaker: undefined,
    turnSpeaker: undefined,
    accusedAt: -2,
    latestYear: 0,
    paragraphKind: [],
  };
  const masked = maskNonProse(text);
  for (const m of masked.matchAll(/\b(1[89]\d\d|20\d\d)\b/g)) run.latestYear = Math.max(run.latestYear, Number(m[1]));
  // wink splits a word at a letter beyond Latin-1 ("Erdo", "ğ", "an"): it reads a folded copy of the
  // same length, and the tokens keep the text's own letters.
  const folded = foldLetters(masked);
  const doc = nlp.readDoc(folded);
  const tokens = doc.tokens();
  const t: Toks = {
    value: tokens.out(its.value) as string[],
    normal: tokens.out(its.normal) as string[],
    pos: tokens.out(its.pos) as string[],
    neg: tokens.out(its.negationFlag) as unknown as boolean[],
    start: [],
    end: [],
  };
  let cursor = 0;
  t.value.forEach((value, k) => {
    const at = folded.indexOf(value, cursor);
    const start = at < 0 ? cursor : at;
    t.start.push(start);
    t.end.push(at < 0 ? cursor : at + value.length);
    cursor = at < 0 ? cursor : at + value.length;
    if (at >= 0) t.value[k] = masked.slice(at, at + value.length);
  });
  const sentences = mergeSentences(t, doc.sentences().out(its.span) as unknown as [number, number][], masked);

  const out: Suggestion[] = [];
  const ctx = new SourceContext();
  const turns = interviewTurns(masked);
  let paragraphEnd = -1;
  let paragraphSpeaker: SuggestionSource | undefined;
  let inQuote = false;
  for (let s = 0; s < sentences.length; s += 1) {
    const [from, to] = sentences[s]!;
    if (t.start[from]! > paragraphEnd) {
      yield;
      // A new paragraph: find where it ends and who speaks its quotes.
      paragraphEnd = masked.indexOf('\n', t.start[from]!);
      if (paragraphEnd < 0) paragraphEnd = masked.length;
      paragraphSpeaker = undefined;
      inQuote = false;
      run.quoteSpeaker = undefined;
      // A paragraph that opens with a quotation nobody is named for in it goes on in the words of
      // the last speaker of the paragraph before.
      run.lastSpeaker = isQuote(t.value[from]!) ? run.lastSpeaker : undefined;
      run.paragraph += 1;
      run.sentence = 0;
      run.chains.clear();
      run.paragraphKind = paragraphKind(t, from, paragraphEnd, run.latestYear);
      ctx.newParagraph();
      // An interview's turn ("AAF: The only way ...") is its speaker's, and so are the paragraphs
      // after it until the next turn.
      const lineStart = masked.lastIndexOf('\n', t.start[from]!) + 1;
      const turn = turns?.get(lineStart);
      if (turn !== undefined) run.turnSpeaker = turn;
      for (let k = s; k < sentences.length && t.start[sentences[k]![0]]! < paragraphEnd; k += 1) {
        const attribution = trailingAttribution(t, sentences[k]![0], sentences[k]![1]);
        if (attribution) {
          paragraphSpeaker = ctx.resolve(t, attribution.np[0], attribution.np[1], false, false);
          break;
        }
      }
    }
    const startsQuoted = inQuote;
    for (let i = from; i <= to; i += 1) if (isQuote(t.value[i]!)) inQuote = !inQuote;
    const count = out.length;
    analyseSentence(t, from, to, startsQuoted, paragraphSpeaker, ctx, out, text, run);
    // 'Rathbun stated, "Daniel was picked up ... .': the sentences of a quotation left open are
    // still the speaker's, who was named where it opened.
    if (!inQuote) run.quoteSpeaker = undefined;
    else if (!startsQuoted && out.length > count) {
      const last = out.at(-1)!;
      run.quoteSpeaker = last.source && last.source.kind !== 'outlet' ? last.source : undefined;
    } else if (!startsQuoted) run.quoteSpeaker = undefined;
    const spoke = out.slice(count).findLast((o) => o.source && o.source.kind !== 'outlet');
    if (spoke) run.lastSpeaker = spoke.source;
    run.sentence += 1;
  }
  return out;
}

/** What one analysis carries from sentence to sentence besides the sources. */
interface Run {
  classifier: LoadedClassifier | null;
  onClause: AnalyseOptions['onClause'];
  /** The current paragraph and sentence in it, from 0: the features of position. */
  paragraph: number;
  sentence: number;
  /** The chains stated in this paragraph, by source name. */
  chains: Map<string, string[]>;
  /** Names met as another outlet (Reuters, "the BBC"): a chain through one is a report at second hand. */
  outlets: Set<string>;
  /** Who opened the quotation still open at the end of the last sentence, if it was named there. */
  quoteSpeaker: SuggestionSource | undefined;
  /** The last source in this paragraph who spoke (not the outlet): whose an unattributed quotation after it is. */
  lastSpeaker: SuggestionSource | undefined;
  /** In an interview, who answers in this paragraph (the outlet for its own questions). */
  turnSpeaker: SuggestionSource | undefined;
  /** The last paragraph that named an accusation, allegation or claim: a negative answer to it is a denial. */
  accusedAt: number;
  /** The latest year the article names: a year well before it is history. */
  latestYear: number;
  /** What the current paragraph holds as a whole: history recalled, quotations, speech (background reads plain). */
  paragraphKind: string[];
}

/**
 * Tenth round: an interview set out as turns, each paragraph opening with its speaker's name or
 * initials and a colon ("Wikinews: What is ...?", "AAF: The only way ..."). When some name opens two
 * paragraphs or more, every paragraph opening with a short name and a colon is a turn: its start
 * (the line's offset) and speaker (the outlet for the outlet's own questions; initials written out
 * in full when the article names someone with them). Undefined for an article that is no interview.
 */
export function interviewTurns(text: string): Map<number, SuggestionSource> | undefined {
  const labels: [number, string][] = [];
  const label = /^([\p{Lu}][\p{L}.'’-]*(?: [\p{Lu}][\p{L}.'’-]*){0,3}): +\S/u;
  let offset = 0;
  for (const line of text.split('\n')) {
    const m = label.exec(line);
    if (m) labels.push([offset, m[1]!]);
    offset += line.length + 1;
  }
  const counts = new Map<string, number>();
  for (const [, name] of labels) counts.set(name, (counts.get(name) ?? 0) + 1);
  if (![...counts.values()].some((n) => n >= 2)) return undefined;
  const turns = new Map<number, SuggestionSource>();
  for (const [at, name] of labels) {
    if (name === 'Wikinews' || OUTLET_WORDS.has(name.toLowerCase())) {
      turns.set(at, OUTLET);
      continue;
    }
    let full = name;
    if (/^\p{Lu}{2,4}$/u.test(name)) {
      const words = [...name].map((c) => `${c}[\\p{L}'’-]+`).join(' ');
      full = new RegExp(`\\b${words}\\b`, 'u').exec(text)?.[0] ?? name;
    }
    turns.set(at, { name: full, kind: 'party' });
  }
  return turns;
}

/** wink's sentences, without empty ones, re-joined where a line break cut one in two. */
function mergeSentences(t: Toks, spans: [number, number][], masked: string): [number, number][] {
  const result: [number, number][] = [];
  for (const [a, b] of spans) {
    let from = a;
    let to = b;
    while (from <= to && !isWord(t, from) && !isQuote(t.value[from]!)) from += 1;
    while (to >= from && /^\s*$/.test(t.value[to]!)) to -= 1;
    if (from > to) continue;
    let hasWord = false;
    for (let i = from; i <= to && !hasWord; i += 1) hasWord = isWord(t, i);
    if (!hasWord) continue;
    const previous = result.at(-1);
    if (previous) {
      const last = t.value[previous[1]]!;
      const first = t.value[from]!;
      const between = masked.slice(t.end[previous[1]]!, t.start[from]!);
      if (!/[.!?:"”’']$/.test(last) && /^\p{Ll}/u.test(first) && between.split('\n').length <= 4) {
        previous[1] = to;
        continue;
      }
    }
    result.push([from, to]);
  }
  return result;
}

interface Attribution {
  /** Token range of the attribution clause (", the unnamed official said"). */
  from: number;
  to: number;
  np: [number, number];
  verb: number;
}

/** `..., the official said.` / `...," said councillor X.`: the attribution at a sentence's end. */
function trailingAttribution(t: Toks, from: number, to: number): Attribution | undefined {
  let end = to;
  while (end > from && (t.pos[end] === 'PUNCT' || /^\s+$/.test(t.value[end]!))) end -= 1;
  for (let i = end; i > from && end - i <= 30; i -= 1) {
    const v = t.value[i]!;
    if (v !== ',' && !isQuote(v)) continue;
    if (v === ',' && i + 1 <= end && !isQuote(t.value[i + 1]!) && i > from && isQuote(t.value[i - 1]!)) continue;
    // i is a comma or closing quote; the attribution follows it.
    let a = i + 1;
    while (a <= end && (isQuote(t.value[a]!) || t.value[a] === ',')) a += 1;
    // The attribution itself may be followed by ", using ..." or "and called for ...": stop there.
    let b = a;
    while (b <= end && t.value[b] !== ',' && !isQuote(t.value[b]!) && t.normal[b] !== 'and') b += 1;
    b -= 1;
    // Seventh round: '"...," an official who asked not to be named said': the speaker, a relative
    // clause about them, then the verb of saying, the last verb of the attribution.
    const rel = t.normal.slice(a, b + 1).indexOf('who') + a;
    if (rel > a && nounPhrase(t, a, rel - 1)) {
      let k = b;
      while (k > rel && !(SPEECH_VERBS.has(t.normal[k]!) && t.pos[k] !== 'NOUN')) k -= 1;
      if (k > rel + 1 && b - k <= 4 && !hasVerb(t, k + 1, b)) return { from: i, to: b, np: [a, rel - 1], verb: k };
    }
    const afterQuote = isQuote(v) || isQuote(t.value[i - 1] ?? '');
    for (let k = a; k <= b && k - a <= 8; k += 1) {
      const speech = SPEECH_VERBS.has(t.normal[k]!) || (afterQuote && AFTER_QUOTE_VERBS.has(t.normal[k]!));
      if (!speech || t.pos[k] === 'NOUN') continue;
      // "The ambassador, Sami Khiyami, dismissed the report": a verb that takes what it rejects or
      // blames as its object is no inverted attribution ("..., said the minister").
      if (k === a && NOT_INVERTED.has(t.normal[k]!)) continue;
      // Tenth round: '"...," Harith al-Ithari, head of the Basra office, told Reuters': after "told"
      // comes whom it was told to; the speaker is the name between the quotation and the aside.
      if (k === a && LINK_VERB.has(t.normal[k]!)) {
        const told = toldAfterAside(t, from, i, k, b);
        if (told) return told;
        continue;
      }
      // subject before the verb ("the unnamed official said") or after it ("said councillor X").
      // "said an official who asked not to be named": the speaker, without the relative clause after it.
      const who = k === a ? t.normal.slice(k + 2, b + 1).indexOf('who') : -1;
      const np: [number, number] = k > a ? [a, k - 1] : [k + 1, who >= 0 ? k + 1 + who : b];
      // '"...," one resident was quoted as saying': the speaker before "was quoted as".
      if (k > a && t.normal[k - 1] === 'as' && t.normal[k - 2] === 'quoted' && BE.has(t.normal[k - 3] ?? '')) np[1] = k - 4;
      // '..., said Olmert during the press conference', 'said Netanyahu following the cabinet's
      // endorsement': when and where, after the speaker, are not part of the speaker.
      if (k === a && who < 0) {
        let c = k + 2;
        while (
          c <= np[1] &&
          !(t.pos[c] === 'ADP' && !['of', 'for'].includes(t.normal[c]!)) &&
          !(t.pos[c] === 'VERB' && /ing$/.test(t.normal[c]!))
        )
          c += 1;
        if (c <= np[1] && ['PROPN', 'NOUN'].includes(t.pos[c - 1]!)) {
          np[1] = c - 1;
          b = c - 1;
        }
      }
      // 'said Dr Ruth Klein, an epidemiologist at ...': the description after the name says what the
      // speaker is (the name stays the source).
      if (k === a && who < 0 && t.value[b + 1] === ',' && ['a', 'an'].includes(t.normal[b + 2] ?? '')) {
        let e = b + 2;
        while (e + 1 <= end && t.value[e + 1] !== ',' && !isQuote(t.value[e + 1]!)) e += 1;
        if (e - b <= 12 && nounPhrase(t, b + 2, e) && !hasVerb(t, b + 2, e)) {
          b = e;
          np[1] = e;
        }
      }
      if (np[0] > np[1] || !nounPhrase(t, np[0], np[1])) return undefined;
      // "..., said the plant was safe": after the verb, a clause, not its speaker.
      if (k === a && t.pos.slice(np[0], np[1] + 1).includes('AUX')) return undefined;
      if (['CCONJ', 'SCONJ'].includes(t.pos[np[0]]!) || t.neg.slice(np[0], k + 1).some(Boolean)) return undefined;
      // Nothing but a short complement after the verb ("told reporters", "said in a statement").
      // "said in remarks to al-Ikhbariya television": a prepositional complement may run longer.
      if (
        k > a &&
        (b - k > complementLimit(t, k) || hasClausalVerb(t, k + 1, b) || t.normal.slice(k + 1, b + 1).includes('that'))
      )
        return undefined;
      // 'After the match, the coach said, "We are disappointed."': an opening phrase, then the
      // attribution, then the quotation it leads: not a trailing attribution (the quotation is the claim).
      let q = b + 1;
      while (q <= end && (t.value[q] === ',' || t.value[q] === ':')) q += 1;
      if (v === ',' && !isQuote(t.value[i - 1] ?? '') && q <= end && q > b + 1 && isQuote(t.value[q]!)) return undefined;
      // Include the preceding comma/quote so the claim span stops before them.
      return { from: i, to: b, np, verb: k };
    }
  }
  return undefined;
}

/**
 * How long the complement after a trailing verb of saying may run: "told reporters" (4 words), "said
 * in remarks to al-Ikhbariya television" (a preposition's phrase, 8), and as many more as adverbs
 * come before it ("said previously in a press interview").
 */
function complementLimit(t: Toks, verb: number): number {
  let k = verb + 1;
  while (t.pos[k] === 'ADV' && k - verb <= 2) k += 1;
  return t.pos[k] === 'ADP' ? 8 + (k - verb - 1) : 4;
}

/** '"...," Name, an aside, told Reuters': the name after the closing quotation, before the aside. */
function toldAfterAside(t: Toks, from: number, comma: number, verb: number, end: number): Attribution | undefined {
  let q = comma - 1;
  while (q > from && comma - q <= 25 && !isQuote(t.value[q]!)) q -= 1;
  if (!isQuote(t.value[q]!)) return undefined;
  let s = q + 1;
  while (s < comma && t.value[s] === ',') s += 1;
  let e = s;
  while (e < comma && t.value[e] !== ',') e += 1;
  if (e === s || !nounPhrase(t, s, e - 1) || hasVerb(t, s, e - 1) || !t.pos.slice(s, e).includes('PROPN')) return undefined;
  // The aside too when it is a plain apposition ("a spokesman for the sheriff"): it tells the kind.
  return { from: q, to: end, np: [s, wholeSubject(t, s, comma) === undefined ? e - 1 : comma - 1], verb };
}

/** A capitalised participle inside a name ("the Associated Press", "United Nations"): part of the name. */
const namePart = (t: Toks, i: number) => t.pos[i] === 'VERB' && /^\p{Lu}/u.test(t.value[i]!) && i > 0 && t.pos[i + 1] === 'PROPN';

function nounPhrase(t: Toks, from: number, to: number): boolean {
  let head = false;
  for (let i = from; i <= to; i += 1) {
    const p = t.pos[i]!;
    if (p === 'NOUN' || p === 'PROPN' || p === 'PRON') head = true;
    else if ((p === 'VERB' && (t.value[i - 1] === '-' || t.value[i + 1] === '-')) || namePart(t, i))
      continue; // "Sun-won", "the Associated Press"
    else if (!['DET', 'ADJ', 'ADP', 'PART', 'PUNCT', 'NUM', 'ADV', 'AUX', 'CCONJ'].includes(p)) return false;
  }
  return head;
}

const HONORIFICS = set('mr mr. mrs mrs. ms ms. dr dr. president');
/**
 * "Mr. Bush" (an honorific or a title, then one name) at nameFrom..nameTo: the fuller name the article
 * gave that person before ("George W. Bush"), two names or more ending in the same one.
 */
function fullNameBefore(t: Toks, nameFrom: number, nameTo: number): string | undefined {
  if (nameTo !== nameFrom + 1 || !HONORIFICS.has(t.normal[nameFrom]!) || t.pos[nameTo] !== 'PROPN') return undefined;
  const surname = t.normal[nameTo]!;
  for (let i = 0; i < nameFrom; i += 1) {
    if (t.normal[i] !== surname || t.pos[i] !== 'PROPN') continue;
    let k = i;
    while (
      k > 0 &&
      k > i - 4 &&
      t.pos[k - 1] === 'PROPN' &&
      !HONORIFICS.has(t.normal[k - 1]!) &&
      !TITLE_WORDS.has(t.normal[k - 1]!)
    )
      k -= 1;
    if (k < i)
      return t.value
        .slice(k, i + 1)
        .map((v, j) => (j > 0 && t.start[k + j]! > t.end[k + j - 1]! ? ' ' : '') + v)
        .join('');
  }
  return undefined;
}

/** A name without its article ("al-Maliki" Maliki, "bin-Laden" Laden): the same person either way. */
const withoutArticle = (name: string) => name.replace(/^(?:al|el|ad|as|ash|ar|an|at|az|ul|ud|bin|ibn)-/i, '');

/** Whether the surname is named before `before` right after an office ("Foreign Minister Ana Ruiz"). */
function titledEarlier(t: Toks, before: number, surname: string): boolean {
  const bare = (v: string) => withoutArticle(v).toLowerCase();
  const wanted = bare(surname);
  for (let i = 0; i < before; i += 1) {
    if (t.pos[i] !== 'PROPN' || bare(t.value[i]!) !== wanted) continue;
    let k = i - 1;
    while (k >= 0 && k > i - 4 && t.pos[k] === 'PROPN' && !TITLE_WORDS.has(t.normal[k]!)) k -= 1;
    if (k >= 0 && TITLE_WORDS.has(t.normal[k]!)) return true;
  }
  return false;
}

/** Who "he", "she", "it" and "they" may point back to. */
interface Antecedents {
  last: SuggestionSource | undefined;
  lastPerson: SuggestionSource | undefined;
  lastThing: SuggestionSource | undefined;
}

class SourceContext {
  private readonly seen: SuggestionSource[] = [];
  /** Sources named by a plural common noun ("Officials", "critics"): who "they" means, never "he" or "she". */
  private readonly plural = new WeakSet<SuggestionSource>();
  private last: SuggestionSource | undefined;
  private lastPerson: SuggestionSource | undefined;
  private lastThing: SuggestionSource | undefined;
  private previous: Antecedents = {
    last: undefined,
    lastPerson: undefined,
    lastThing: undefined,
  };

  /** The source named by tokens from..to, resolving pronouns and repeated surnames. */
  resolve(t: Toks, from: number, to: number, inQuote: boolean, remember = true, speaker = false): SuggestionSource | undefined {
    // "the Nuclear Regulation Authority (NRA)": the name without its abbreviation in brackets.
    if (t.value[to] === ')') {
      const open = t.value.lastIndexOf('(', to);
      if (open > from && to - open <= 6) to = open - 1;
    }
    // Trim leading adverbs/conjunctions and trailing punctuation.
    while (from <= to && ['ADV', 'CCONJ', 'SCONJ', 'PUNCT', 'ADP'].includes(t.pos[from]!)) from += 1;
    while (to >= from && ['PUNCT', 'ADV', 'AUX', 'PART'].includes(t.pos[to]!)) to -= 1;
    if (from > to) return undefined;
    const words = t.normal.slice(from, to + 1);
    if (words.length === 1 && PRONOUN_SOURCES.has(words[0]!)) {
      if (inQuote) return undefined;
      const w = words[0]!;
      const here: Antecedents = this.last
        ? { last: this.last, lastPerson: this.lastPerson, lastThing: this.lastThing }
        : this.previous;
      if (w === 'he' || w === 'she')
        return here.lastPerson ?? (here.last && !this.plural.has(here.last) ? here.last : UNRESOLVED);
      if (w === 'it') return here.lastThing ?? here.last ?? UNRESOLVED;
      return here.last ?? UNRESOLVED;
    }
    // "Salah al-Obaidi, a top aide to al-Sadr": the kind from the whole phrase, the name before the comma.
    const comma = t.value.slice(from, to + 1).indexOf(',');
    // Seventh round: "A UN spokesperson, Stephane Leroux,": a description, then the name: the name.
    let nameFrom = from;
    let afterName = to;
    while (afterName > from && t.value[afterName] === ',') afterName -= 1;
    // Seventh session: also "The prime minister of Israel, Binyamin Netanyahu,": an office named with
    // its country or body, then the person's name (two words or more).
    const described =
      comma > 0 &&
      (t.pos[from + comma - 1] === 'NOUN' ||
        (t.pos.slice(from, from + comma).includes('NOUN') && afterName > from + comma + 1)) &&
      afterName > from + comma &&
      t.pos.slice(from + comma + 1, afterName + 1).every((p) => p === 'PROPN');
    if (described) nameFrom = from + comma + 1;
    // "One delegate, speaking on condition of anonymity,": the speaker, without the participle's phrase.
    const participle = comma > 0 && t.pos[from + comma + 1] === 'VERB' && /ing$/.test(t.normal[from + comma + 1]!);
    const nameTo = described
      ? afterName
      : comma > 0 && (participle || t.pos.slice(from, from + comma).includes('PROPN'))
        ? from + comma - 1
        : to;
    const name = t.value
      .slice(nameFrom, nameTo + 1)
      .map((v, k) => (k === 0 ? '' : t.start[nameFrom + k]! > t.end[nameFrom + k - 1]! ? ' ' : '') + v)
      .join('');
    const has = (s: Set<string>) => words.some((w) => s.has(w));
    const propn = t.pos.slice(from, to + 1).map((p) => p === 'PROPN');
    let kind: SourceKind | undefined;
    let person = false;
    const officialAt = words.findIndex((w) => UNNAMED_OFFICIALS.has(w));
    const unnamedOfficials = officialAt >= 0 && !propn.slice(officialAt + 1).some(Boolean);
    // "South Korea's intelligence agency"; not "US intelligence officials", whom the article does not
    // name: they do not speak in the service's name (the guide's kinds), though what they pass on
    // from it is still its assessment (see `intelligenceSource`).
    if (has(INTELLIGENCE_WORDS) && !has(LEGISLATOR_WORDS) && !unnamedOfficials) kind = 'intelligence-agency';
    // "people familiar with the matter": the usual words for sources the article does not name.
    else if (
      (has(ANONYMOUS_WORDS) && !anonymousCollective(words, t.value.slice(from, to + 1))) ||
      words.some((w, k) => w === 'familiar' && words[k + 1] === 'with') ||
      unnamedOfficials
    ) {
      kind = 'anonymous-official';
    } else if (
      (has(OUTLET_WORDS) ||
        // "the Chicago Sun-Times"
        words.some((w) => w.includes('-') && OUTLET_WORDS.has(w.split('-').at(-1)!)) ||
        words.some((w, k) => OUTLET_NAMES.has(w) && outletName(t, from + k, to))) &&
      !has(SPOKES_WORDS)
    )
      kind = 'outlet';
    else if (has(LEGISLATOR_WORDS)) {
      kind = 'legislator';
      person = true;
    } else if (has(SPOKES_WORDS)) {
      kind = 'institution';
      person = propn.some(Boolean);
    } else if (words.some(isWitness)) {
      // Seventh round: "one witness said", "an eyewitness told the BBC" (the guide's `witness`).
      kind = 'witness';
      person = true;
    } else if (words.some((w) => /^[a-z]+ologists?$/.test(w) || SPECIALISTS.has(w) || WATCHERS.has(w))) {
      // Seventh round: "Dr Ruth Klein, an epidemiologist", "seismologists said": a specialist (`expert`).
      kind = 'expert';
      person = propn.some(Boolean);
    } else if (has(TITLE_WORDS) && propn.some(Boolean)) {
      kind = 'named-official';
      person = true;
    } else if (
      has(INSTITUTION_WORDS) ||
      has(REGULATORS) ||
      has(TITLE_WORDS) ||
      words.some((w, k) => INSTITUTION_NAMES.has(w) && /^\p{Lu}/u.test(t.value[from + k]!)) ||
      // Eleventh round: "WHO" in capitals, not the pronoun.
      t.value.slice(from, to + 1).includes('WHO')
    )
      kind = 'institution';
    else if (has(EXPERT_WORDS)) kind = 'expert';
    else if (propn.every(Boolean)) {
      // A bare name: someone already introduced (by surname), or a party to the events.
      // "Nouri al-Maliki", then "Maliki": the surname without its article is the same name.
      const surname = (n: string) => withoutArticle(n.split(/\s+/).at(-1)!);
      const earlier = this.seen.find((s) => surname(s.name) === surname(name));
      if (earlier) return remember ? this.remember(earlier, true) : earlier;
      // Eleventh round: "... met Foreign Minister Abu Bakr al-Qirbi. Al-Qirbi said": named with an
      // office earlier in the article, though not as a speaker: a named official.
      if (titledEarlier(t, from, surname(name))) {
        kind = 'named-official';
        person = true;
      } else {
        kind = 'party';
        person = false;
      }
    } else if (has(PARTY_COMMON) || propn.some(Boolean)) kind = 'party';
    // "..., engineers warned": whoever is the subject of a speech verb speaks, listed or not.
    else if (speaker && t.pos.slice(from, to + 1).some((p) => p === 'NOUN')) kind = 'party';
    if (!kind) return undefined;
    // Eleventh round: "Mr. Bush", "Dr. Worobey", "President Bush", named in full before ("George W.
    // Bush", "Michael Worobey"): the full name, as the gold labels mostly give it.
    const source = { name: fullNameBefore(t, nameFrom, nameTo) ?? name, kind };
    // wink tags a capitalised "Officials" at a sentence's start a proper noun.
    if ((t.pos[nameTo] === 'NOUN' || PLURAL_SPEAKERS.has(t.normal[nameTo]!)) && /[^s]s$/.test(t.normal[nameTo]!))
      this.plural.add(source);
    // A link in a chain ("told the BBC") is not who "it" or "they" points back to next.
    return remember ? this.remember(source, person) : source;
  }

  /**
   * A pronoun points back to the last source of its paragraph, or, before any is named there, of
   * the paragraph just before ("... said Lloyd Austin.\n\n\"...,\" he told journalists."); never further.
   */
  newParagraph(): void {
    this.previous = { last: this.last, lastPerson: this.lastPerson, lastThing: this.lastThing };
    this.last = undefined;
    this.lastPerson = undefined;
    this.lastThing = undefined;
  }

  private remember(source: SuggestionSource, person: boolean): SuggestionSource {
    if (!this.seen.some((s) => s.name === source.name)) this.seen.push(source);
    this.last = source;
    if (person || source.kind === 'named-official' || source.kind === 'legislator') this.lastPerson = source;
    else this.lastThing = source;
    if (source.kind === 'anonymous-official' && !this.plural.has(source)) this.lastPerson = source;
    return source;
  }
}

/** Clause boundaries: "; " and ", while/whereas/but/although ..." when a verb follows. */
function splitClauses(t: Toks, from: number, to: number, startsQuoted: boolean): Clause[] {
  const clauses: Clause[] = [];
  let quoted = startsQuoted;
  let clauseStart = from;
  let clauseQuoted = startsQuoted;
  let clauseContinues = false;
  for (let i = from; i <= to; i += 1) {
    const v = t.value[i]!;
    if (isQuote(v)) {
      quoted = !quoted;
      if (i === clauseStart) clauseQuoted = quoted;
      continue;
    }
    const splitHere =
      v === ';' ||
      (v === ',' && CLAUSE_SPLIT.has(t.normal[i + 1] ?? '') && hasVerb(t, i + 2, Math.min(to, i + 12))) ||
      (t.normal[i] === 'and' && figuresDiffer(t, clauseStart, i - 1, i + 1, to));
    if (splitHere && i > clauseStart) {
      clauses.push({ from: clauseStart, to: i - 1, quoted: clauseQuoted, continues: clauseContinues });
      clauseStart = v === ',' ? i + 2 : i + 1;
      clauseQuoted = quoted;
      clauseContinues = t.normal[i] === 'and';
    }
  }
  if (clauseStart <= to) clauses.push({ from: clauseStart, to, quoted: clauseQuoted, continues: clauseContinues });
  return clauses;
}

/** The figures in from..to: whether one is given as exact, whether one as approximate. */
function figures(t: Toks, from: number, to: number): { exact: boolean; approximate: boolean } {
  const found = { exact: false, approximate: false };
  for (let i = from; i <= to; i += 1) {
    if (t.pos[i] !== 'NUM' || t.pos[i - 1] === 'NUM') continue;
    const before = t.normal.slice(Math.max(from, i - 3), i);
    const approximate = before.some((w) => APPROX.has(w)) || APPROX_2.some((phrase) => before.join(' ').endsWith(phrase));
    if (approximate) found.approximate = true;
    else found.exact = true;
  }
  return found;
}

/** "killed 12 people and displaced about 3,000": an exact figure and an approximate one, two claims. */
function figuresDiffer(t: Toks, leftFrom: number, leftTo: number, rightFrom: number, rightTo: number): boolean {
  const left = figures(t, leftFrom, leftTo);
  const right = figures(t, rightFrom, rightTo);
  return (left.exact && !left.approximate && right.approximate) || (left.approximate && right.exact && !right.approximate);
}

/** "is believed to", "are said to", "was reported to", "is thought to": hearsay in the passive. */
const HEDGE_PARTICIPLES = set('believed said thought reported understood rumoured rumored alleged');
const BE = set('is are was were be been being');

function hedgedPassive(t: Toks, from: number, to: number): boolean {
  for (let i = from + 1; i < to; i += 1)
    if (HEDGE_PARTICIPLES.has(t.normal[i]!) && t.normal[i + 1] === 'to' && BE.has(t.normal[i - 1]!)) return true;
  return false;
}

/** The verb itself after the start of its verb group ("has also reported": reported). */
function nextVerb(t: Toks, from: number, to: number): number {
  for (let i = from; i <= to; i += 1) if (t.pos[i] === 'VERB') return i;
  return from;
}

/**
 * "The Independent reported", "..., Yonhap reported": a bare name that reports is an outlet, even
 * one the word lists do not know. Not "reported to" (a link) nor a person or institution.
 */
/** An intelligence service, or its officials whom the article does not name: what they give is its assessment. */
function intelligenceSource(source: SuggestionSource | undefined): boolean {
  return (
    source?.kind === 'intelligence-agency' ||
    (source?.kind === 'anonymous-official' &&
      source.name
        .toLowerCase()
        .split(/\W+/)
        .some((w) => INTELLIGENCE_WORDS.has(w)))
  );
}

function reportingOutlet(t: Toks, verb: number, source: SuggestionSource | undefined): SuggestionSource | undefined {
  if (!source || source.kind !== 'party' || !/^report(s|ed)?$/.test(t.normal[verb] ?? '') || t.normal[verb + 1] === 'to')
    return source;
  if (!/^\p{Lu}/u.test(source.name.replace(/^the\s+/i, ''))) return source;
  return { name: source.name, kind: 'outlet' };
}

/**
 * "a disputed election", "a money dispute", "denial-of-service": the word names a quarrel or
 * qualifies a noun; nobody in the clause says a claim is false.
 */
function attributiveDispute(t: Toks, i: number): boolean {
  const n = t.normal[i]!;
  if (t.value[i + 1] === '-') return true;
  const before = t.pos[i - 1] ?? '';
  // "the dispute", "a money dispute" are nouns; "Peberdy disputes the claims" (read as a noun by
  // wink) is a verb.
  if ((n === 'dispute' || n === 'disputes') && (before === 'DET' || before === 'ADJ')) return true;
  if ((n === 'dispute' || n === 'disputes') && t.pos[i] === 'NOUN') return !['DET', 'PRON'].includes(t.pos[i + 1] ?? '');
  let k = i + 1;
  while (t.pos[k] === 'ADJ') k += 1;
  return (
    n.endsWith('ed') &&
    ['NOUN', 'PROPN'].includes(t.pos[k] ?? '') &&
    // "since disputed elections", "over disputed land": after a preposition, a participle qualifies.
    (t.pos[i] === 'ADJ' || ['DET', 'ADJ', 'PART', 'ADP', 'SCONJ'].includes(before) || /^['’]s?$/.test(t.value[i - 1] ?? ''))
  );
}

/** "false imprisonment", "a false invitation": "false" on a noun that is no claim ("false reports" still denies). */
function attributiveFalsehood(t: Toks, i: number): boolean {
  let k = i + 1;
  while (t.pos[k] === 'ADJ') k += 1;
  return t.pos[k] === 'NOUN' && !CLAIM_NOUNS.has(t.normal[k]!) && !BE.has(t.normal[i - 1] ?? '') && t.normal[i - 1] !== 'as';
}

/**
 * "the court rejected his appeal", "she was denied entry": a decision on a request, or someone
 * refused something, not a party saying a claim is false.
 */
function deniedRequest(t: Toks, i: number, to: number): boolean {
  // "the bill rejected by the House": the request named just before.
  if (REQUEST_NOUNS.has(t.normal[i - 1] ?? '')) return true;
  if (BE.has(t.normal[i - 1] ?? '') && t.normal[i + 1] !== 'by' && ['NOUN', 'DET', 'PROPN'].includes(t.pos[i + 1] ?? ''))
    return true;
  for (let k = i + 1; k <= Math.min(to, i + 5); k += 1) {
    if (REQUEST_NOUNS.has(t.normal[k]!)) return true;
    if (t.pos[k] === 'VERB' || t.value[k] === ',' || t.normal[k] === 'that') return false;
  }
  return false;
}

const LOOSE_BEFORE = set('few several many some');
/** Twelfth round: bodies that are a side in armed conflict when they speak of the other side. */
const SIDE_BODIES = set("army military military's defence defense pentagon navy marines");
/** Twelfth round: the other side, as a side names it. */
const OTHER_SIDE = set(`enemy rebel rebels insurgent insurgents militant militants terrorist terrorists guerrilla
  guerrillas separatist separatists jihadist jihadists`);

/**
 * Twelfth round: "The defence ministry said enemy forces had shelled the town overnight", "'The
 * insurgents possess and use white phosphorus,' said a spokesman for the U.S. military": an army or
 * defence body (or its spokesperson) speaks of what the other side does: a party (the guide's kinds);
 * `flat` when told without a modal, an accusation however flatly stated.
 */
function otherSideAct(
  t: Toks,
  clause: Clause,
  speechVerb: number | undefined,
  source: SuggestionSource,
): 'flat' | 'hedged' | undefined {
  if (source.kind !== 'institution') return undefined;
  if (
    !source.name
      .toLowerCase()
      .split(/[^\p{L}']+/u)
      .some((w) => SIDE_BODIES.has(w))
  )
    return undefined;
  const found = aboutSubject(t, clause, speechVerb, source);
  if (!found || found.about !== 'other') return undefined;
  const from = speechVerb === undefined ? clause.from : speechVerb + 1;
  if (!t.normal.slice(from, found.verb).some((w) => OTHER_SIDE.has(w))) return undefined;
  return t.normal.slice(found.verb, clause.to + 1).some((w) => REPORTED_MODALS.has(w)) ? 'hedged' : 'flat';
}

/**
 * Twelfth round: an exact count ("40 people", "12 were arrested") in from..to, outside quotation marks;
 * not a year, a date, a loose quantity ("thousands", "a few thousand"), nor in a sentence that also
 * gives an approximate figure (sentFrom..sentTo: "75 killed and nearly 500 wounded", an estimate).
 */
function exactCount(t: Toks, from: number, to: number, sentFrom: number, sentTo: number): boolean {
  const { exact, approximate } = figures(t, from, to);
  if (!exact || approximate || figures(t, sentFrom, sentTo).approximate) return false;
  let quoted = t.value.slice(sentFrom, from).filter(isQuote).length % 2 === 1;
  for (let i = from; i <= to; i += 1) {
    if (isQuote(t.value[i]!)) quoted = !quoted;
    if (quoted || t.pos[i] !== 'NUM' || t.pos[i - 1] === 'NUM') continue;
    if (/s$/.test(t.normal[i]!) || LOOSE_BEFORE.has(t.normal[i - 1] ?? '')) continue;
    if (isYear(t.normal[i]!) || isMonth(t.normal[i - 1]) || isMonth(t.normal[i + 1])) continue;
    if (t.normal[i + 1] === "o'clock" || t.value[i]!.includes(':')) continue;
    return true;
  }
  return false;
}

/**
 * Twelfth round: "The court dismissed the lawsuit", "the council rejected the planning application":
 * a body turning something down acts (the guide's hard case); the act is the outlet's to tell, the
 * body is what it is about, not who says it.
 */
function decisionTaken(t: Toks, verb: number, to: number): boolean {
  // Not 'Coe rejected the call for a boycott: "..."': who goes on to give reasons speaks.
  if (t.value.slice(verb, to + 1).some((v) => isQuote(v) || v === ':')) return false;
  return DENY.has(t.normal[verb]!) && deniedRequest(t, verb, to);
}

/**
 * "dropped two bombs on a suspected militant stronghold": the hedge qualifies a thing the outlet's
 * statement is about, after its verb; the statement itself is not hearsay. Before the verb ("the
 * alleged downing ...") the hedge is on the claim.
 */
function hedgedObject(t: Toks, from: number, i: number): boolean {
  if (!['NOUN', 'PROPN', 'ADJ'].includes(t.pos[i + 1] ?? '')) return false;
  for (let k = from; k < i; k += 1) if (t.pos[k] === 'VERB' && !SPEECH_VERBS.has(t.normal[k]!)) return true;
  return false;
}

/**
 * A verb that makes a clause, not a participle used as an adjective between an article and its
 * noun ("said in a televised statement", "told a packed hall").
 */
function hasClausalVerb(t: Toks, from: number, to: number): boolean {
  for (let i = from; i <= to; i += 1) {
    if (t.pos[i] !== 'VERB' && t.pos[i] !== 'AUX') continue;
    const adjectival =
      t.pos[i] === 'VERB' && ['DET', 'ADJ'].includes(t.pos[i - 1] ?? '') && ['NOUN', 'ADJ'].includes(t.pos[i + 1] ?? '');
    if (!adjectival) return true;
  }
  return false;
}

function hasVerb(t: Toks, from: number, to: number): boolean {
  for (let i = from; i <= to; i += 1) if (t.pos[i] === 'VERB' || t.pos[i] === 'AUX') return true;
  return false;
}

function analyseSentence(
  t: Toks,
  from: number,
  to: number,
  startsQuoted: boolean,
  paragraphSpeaker: SuggestionSource | undefined,
  ctx: SourceContext,
  out: Suggestion[],
  text: string,
  run: Run,
): void {
  for (let i = from; i <= to; i += 1) if (ACCUSATION_WORDS.has(t.normal[i]!)) run.accusedAt = run.paragraph;
  const attribution = trailingAttribution(t, from, to);
  const bodyTo = attribution ? attribution.from - 1 : to;
  const sentenceSource = attribution
    ? reportingOutlet(t, attribution.verb, ctx.resolve(t, attribution.np[0], attribution.np[1], false, true, true))
    : undefined;
  const clauses = splitClauses(t, from, bodyTo, startsQuoted);
  // '"...," she said, but refused to give any details': what follows the attribution is a claim too.
  const after = attribution ? attribution.to + 1 : to;
  if (
    attribution &&
    t.value[after] === ',' &&
    (CLAUSE_SPLIT.has(t.normal[after + 1] ?? '') || t.normal[after + 1] === 'and') &&
    ['VERB', 'AUX', 'ADV'].includes(t.pos[after + 2] ?? '')
  ) {
    const quotedAfter = t.value.slice(from, attribution.to + 1).filter(isQuote).length % 2 === 1 ? !startsQuoted : startsQuoted;
    clauses.push(...splitClauses(t, attribution.to + 1, to, quotedAfter));
  }
  // "At least 12 died and 3 are missing, according to the WFP": a closing "according to" speaks for
  // the whole sentence, not only for the clause it ends.
  const closing = closingAccordingTo(t, from, bodyTo);
  const closingSource = closing === undefined ? undefined : accordingTo(t, closing, bodyTo, ctx);
  let previousSource: SuggestionSource | undefined;
  for (const clause of clauses) {
    // Own subject: the noun phrase before the first attribution verb of the clause.
    let source: SuggestionSource | undefined;
    let actorOnly = false;
    let proposal = false;
    // The speech verb of a leading attribution ("X said (that) ..."): what it says comes after it.
    let speechVerb: number | undefined;
    if (!clause.quoted) {
      const verb = firstAttributionVerb(t, clause.from, clause.to);
      if (verb !== undefined) speechVerb = nextVerb(t, verb, clause.to);
      // "The dam is believed to be leaking", "X is said to have left": nobody named says so, and
      // the subject is what the hearsay is about, not its source.
      const hedged = hedgedPassive(t, clause.from, clause.to);
      let subjectEnd = hedged ? undefined : (verb ?? (sentenceSource ? undefined : firstVerb(t, clause.from, clause.to)));
      // Tenth round: "Alongside talks on the restrictions to be enforced, he described Iran as ...":
      // the verbs of an opening phrase are not the subject's; a view given after it is.
      if (verb === undefined && subjectEnd !== undefined) {
        const opened = openerEnd(t, clause.from, clause.to);
        const later = opened !== undefined && subjectEnd < opened ? firstVerb(t, opened, clause.to) : undefined;
        if (later !== undefined && expressVerb(t, later, clause.to)) subjectEnd = later;
      }
      if (subjectEnd !== undefined) {
        // "Police on Monday said", "U.S. officials Tuesday said": the day is when, not who.
        const beforeDay = verb === undefined ? subjectEnd : beforeDayOf(t, clause.from, subjectEnd);
        const subject = verb === undefined ? undefined : speakerBefore(t, clause.from, beforeDay);
        const subjectStart = subject?.[0] ?? subjectStartBefore(t, clause.from, beforeDay);
        const subjectTo = subject?.[1] ?? beforeDay - 1;
        const expressed = verb === undefined && expressVerb(t, subjectEnd, clause.to);
        if (subjectStart <= subjectTo) {
          source = ctx.resolve(t, subjectStart, subjectTo, false, true, verb !== undefined || expressed);
          if (verb !== undefined) source = reportingOutlet(t, nextVerb(t, verb, clause.to), source);
        } else if (verb !== undefined) source = previousSource; // "..., but said that ..."
        if (verb === undefined && !expressed && source?.kind === 'party') source = undefined; // "The plant employs ..."
        // "President Bush will travel to Ramallah": the outlet reports what he does; he is not its
        // source. His kind still tells the labels what kind of clause it is (an official's act).
        actorOnly = verb === undefined && !expressed && source !== undefined;
        // Twelfth round: "The court dismissed the lawsuit": a decision taken, told by the outlet.
        if (speechVerb !== undefined && source !== undefined && decisionTaken(t, speechVerb, clause.to)) actorOnly = true;
        // Tenth round: "The agency called for a ban", "X called on the government to resign": a
        // call is an act the outlet reports (as the gold labels take it, about 20 units of 25 on the
        // dev split); the caller, still the subject for the labels, is not the claim's source.
        const called = speechVerb === undefined ? undefined : t.normal[speechVerb];
        if (called && CALL.has(called) && ['for', 'on', 'upon'].includes(t.normal[speechVerb! + 1] ?? '')) proposal = true;
      }
      source ??= accordingTo(t, clause.from, clause.to, ctx) ?? closingSource;
    }
    // In an interview, the answer is the speaker's, whatever its subject does.
    if (run.turnSpeaker && run.turnSpeaker !== OUTLET && !clause.quoted && (!source || actorOnly) && speechVerb === undefined) {
      source = run.turnSpeaker;
      actorOnly = false;
    }
    // "Officials said 75 people were killed and about 500 wounded": the second figure is theirs too.
    if (!source && clause.continues) source = previousSource;
    if (clause.quoted && !sentenceSource && startsQuoted && clause === clauses[0]) source ??= run.quoteSpeaker;
    // Tenth round: 'Fayyad rejected the plan. "We are not looking for ..."': a quotation nobody is
    // named for in its paragraph (or only a pronoun nothing before it named) is the words of the
    // last speaker named before it there.
    const quoteSpeaker =
      paragraphSpeaker === undefined || paragraphSpeaker === UNRESOLVED
        ? (run.lastSpeaker ?? paragraphSpeaker)
        : paragraphSpeaker;
    source ??= clause.quoted ? (sentenceSource ?? quoteSpeaker) : sentenceSource;
    if (!source && clause.quoted) source = quoteSpeaker;
    source ??= OUTLET;
    previousSource = source;
    let chain = source === OUTLET || source === UNRESOLVED ? [] : [source.name];
    // "Reuters, citing an anonymous U.S. official, reported": the official is the source, Reuters
    // passed it on. "according to Reuters' correspondent Idrees Ali": he spoke, for Reuters.
    const cited = citing(t, clause.from, clause.to, ctx);
    const noteOutlet = (s: SuggestionSource | undefined) => {
      if (s && s.kind === 'outlet' && s !== OUTLET) run.outlets.add(s.name);
    };
    noteOutlet(source);
    if (cited) {
      if (source === OUTLET && cited.via) chain.push(cited.via.name);
      chain.unshift(cited.source.name);
      noteOutlet(cited.via);
      noteOutlet(cited.source);
      source = cited.source;
    } else {
      const owner = outletOwner(source);
      if (owner) chain.push(owner);
      if (owner) run.outlets.add(owner);
    }
    // "Berhe told the BBC", "in an interview with The Times": the article states the link.
    if (source !== OUTLET && source !== UNRESOLVED) {
      const linkRanges: [number, number][] = clause.quoted ? [] : [[clause.from, clause.to]];
      if (attribution) linkRanges.push([attribution.from, attribution.to]);
      const link = statedLink(t, linkRanges, ctx);
      if (link && !chain.some((name) => sameName(name, link.name))) chain.push(link.name);
      noteOutlet(link);
      // The same speaker's other words in the paragraph came the same way ("Whitmore told LA
      // Weekly. ... 'We ...,' he said."): the link stated once holds for the paragraph.
      const known = run.chains.get(source.name);
      if (chain.length === 1 && known) chain = [...known];
      else if (chain.length > 1) run.chains.set(source.name, [...chain]);
    }
    chain.push(OUTLET.name);

    // Cues are looked for in the clause and in the sentence's attribution ("..., police said").
    const ranges: [number, number][] = [[clause.from, clause.to]];
    if (attribution && clause === clauses.at(-1)) ranges.push([attribution.from, attribution.to]);
    // Twelfth round: "The defence ministry said enemy forces had shelled the town": a side speaking
    // about the other side's acts is a party (the guide's kinds), and accuses (below).
    const saidBy = speechVerb ?? (attribution && clause === clauses.at(-1) ? attribution.verb : undefined);
    const side = saidBy === undefined ? undefined : otherSideAct(t, clause, speechVerb, source);
    if (side) source = { ...source, kind: 'party' };
    const rules = findRules(t, ranges, source, run.accusedAt >= run.paragraph - 1);
    // Another outlet in the chain ("Reuters reported", "according to Billboard", "told LA Weekly"):
    // the claim reached the article at second hand (rule 6), below any judgement, figure or denial.
    const secondHand = chain.find((name) => run.outlets.has(name));
    if (secondHand) {
      const mention = nameTokens(t, text, secondHand, ranges);
      if (mention) rules.push({ label: 'unconfirmed', rank: 40, strength: 0.6, cue: mention });
    }
    // "reports say", "according to sources": nobody the article can name says it (rule 6). Not every
    // unnamed official: on the dev split that moved more confirmed units than it found (0.6529 / 0.6534).
    if (
      rules.length === 0 &&
      (source.kind === 'anonymous-official' || source.kind === 'party') &&
      HEARSAY_SOURCE.test(source.name)
    ) {
      const mention = nameTokens(t, text, source.name, ranges);
      if (mention) rules.push({ label: 'unconfirmed', rank: 40, strength: 0.55, cue: mention });
    }
    // Twelfth round: what a side says the other side did is an accusation (rule 6), and an exact
    // count from officials the article does not name is not on the record (rule 8): unconfirmed.
    if (
      rules.length === 0 &&
      saidBy !== undefined &&
      (side === 'flat' ||
        (source.kind === 'anonymous-official' &&
          !intelligenceSource(source) &&
          exactCount(t, speechVerb === undefined ? clause.from : speechVerb + 1, clause.to, from, to)))
    )
      rules.push({ label: 'unconfirmed', rank: 40, strength: 0.5, cue: [saidBy, saidBy] });
    // Read only where it is used: the rule below, and the classifier's features.
    let aboutRead: ReturnType<typeof aboutWhom> | null = null;
    const speaker = source;
    const about = () =>
      (aboutRead ??=
        actorOnly || speaker === OUTLET || speaker === UNRESOLVED ? undefined : aboutWhom(t, clause, speechVerb, speaker));
    // "A rebel said government forces had put snipers on the roofs": a party to the events says, on
    // no cue, what another party did. Not its own action on the record (rule 7) but its account of
    // someone else's (rules 6 and 8): unconfirmed. Not an official's or an institution's statement,
    // not a quotation (often a judgement), not a plan or forecast ("said the US will help").
    if (
      rules.length === 0 &&
      (source.kind === 'party' || source.kind === 'witness' || source.kind === 'legislator') &&
      speechVerb !== undefined &&
      about()?.about === 'other' &&
      about()!.reported
    )
      rules.push({ label: 'unconfirmed', rank: 40, strength: 0.5, cue: [speechVerb, speechVerb] });
    // "The company said in a statement it had paid the fine": a named party, institution or official
    // says, in the indicative and on no other cue, what it did itself: on the record about its own
    // action (rule 7, a hard case of the guide), which no word of the clause should talk the
    // classifier out of. An unnamed official is never on the record.
    else if (
      rules.length === 0 &&
      ON_THE_RECORD_KINDS.has(source.kind) &&
      speechVerb !== undefined &&
      about()?.about === 'self' &&
      about()!.reported
    )
      rules.push({ label: 'confirmed', rank: 20, strength: 0.6, cue: [speechVerb, speechVerb] });
    // Seventh round: "NATO stands for ...", "the club was founded in 1901": what a name stands for or
    // when a body was founded, background nobody disputes (rule 1): no claim, with or without the classifier.
    if (rules.length === 0 && speechVerb === undefined && !secondHand && background(t, clause.from, clause.to)) continue;
    if (rules.length === 0) rules.push(uncuedRule(source));
    const best = rules.reduce((a, b) => (b.rank > a.rank ? b : a));
    const agreeing = rules.filter((r) => r.label === best.label);
    const competing = new Set(rules.filter((r) => r.label !== best.label).map((r) => r.label)).size;
    let confidence = clamp(best.strength + 0.05 * (agreeing.length - 1) - 0.12 * competing, 0.05, 0.95);
    let label: Label = best.label;

    const span = trimSpan(t, clause.from, clause.to);
    if (!span) continue;
    // Features only where they are used: training, or a clause the classifier decides.
    if (run.onClause || (run.classifier && !best.cue)) {
      const features = clauseFeatures(t, clause, rules, source, run, attribution !== undefined);
      if (secondHand) features.push('via-outlet');
      features.push(`chain:${Math.min(chain.length, 3)}`);
      const read = about();
      if (read) features.push(`about:${read.about}`, `about:${read.about}:${source.kind}`);
      run.onClause?.({ start: span[0], end: span[1], features });
      if (run.classifier && !best.cue) {
        const decided = labelClause(run.classifier, features);
        if (decided.label === 'none') continue;
        label = decided.label;
        confidence = decided.confidence;
      }
    }
    const cues = [
      ...new Set(rules.flatMap((r) => (r.cue && r.label === label ? [text.slice(t.start[r.cue[0]]!, t.end[r.cue[1]]!)] : []))),
    ];
    // Eleventh round: "It is reported that ...", "the study found ...": a clause the outlet would
    // give in its own voice names where it comes from. Only the source and chain said change: the
    // label was decided with the outlet as the speaker.
    // Eleventh round: "Israel announces ceasefire", "Annan warns Kenya over poll violence": a headline
    // reports what its subject did, in the outlet's voice; "US claims ...", "UN report says ..." stay
    // the subject's.
    const headlineAct =
      !clause.quoted &&
      !attribution &&
      source !== OUTLET &&
      inHeadline(text, t.start[clause.from]!) &&
      headlineDeed(t, clause.from, clause.to);
    const outletVoice = source === OUTLET || actorOnly || proposal || headlineAct;
    const origin = outletVoice && !clause.quoted ? unspokenOrigin(t, clause.from, clause.to, text) : undefined;
    out.push({
      start: span[0],
      end: span[1],
      text: text.slice(span[0], span[1]),
      label,
      cues,
      source: origin ?? (outletVoice ? { ...OUTLET } : source === UNRESOLVED ? undefined : source),
      chain: origin ? [origin.name, OUTLET.name] : actorOnly || proposal || headlineAct ? [OUTLET.name] : chain,
      confidence: Math.round(confidence * 100) / 100,
    });
  }
}

/** The headline: a first line of its own, before a blank line, with no full stop at its end. */
function inHeadline(text: string, at: number): boolean {
  const end = text.indexOf('\n\n');
  if (end < 0 || at >= end || end > 200) return false;
  const line = text.slice(0, end).trim();
  return !line.includes('\n') && !/[.!?]["”']?$/.test(line);
}

/** A headline's words for what its subject says or judges rather than does. */
const HEADLINE_SAY = set(`say says said claim claims claimed allege alleges think thinks believe believes confirm
  confirms blame blames accuse accuses call calls indicate indicates suggest suggests may might could`);

/**
 * The headline says what its subject did ("announces", "rejects", "warns"): its first verb is a
 * deed, and no word of it is a saying, a judgement or a guess ("..., says UN", "Study indicates"),
 * nor "according to".
 */
function headlineDeed(t: Toks, from: number, to: number): boolean {
  let deed = false;
  for (let i = from; i <= to; i += 1) {
    if (t.normal[i] === 'according' || t.value[i] === ':' || HEADLINE_SAY.has(t.normal[i]!)) return false;
    if (t.pos[i] === 'VERB') deed = true;
  }
  return deed;
}

/** "it has been reported that", "according to reports": reports say so. */
const REPORTS: SuggestionSource = { name: 'reports', kind: 'outlet' };
/** Who finds things out in a study: its authors, and the study or report itself. */
const FINDERS = new Map<string, SourceKind>([
  ['study', 'expert'],
  ['researchers', 'expert'],
  ['scientists', 'expert'],
  ['report', 'institution'],
]);
const FINDING_VERBS = set(`found finds find showed shows show notes noted note suggests suggested concluded concludes
  estimates estimated cites cited states stated`);

/**
 * Where a clause the outlet would give in its own voice comes from, when the clause says so: hearsay
 * ("It is reported that ...", "according to reports") is the reports' (an outlet's kind, rule 6),
 * and "The study found ...", "The researchers found ...", "The report notes ..." is the study's or
 * the report's.
 */
function unspokenOrigin(t: Toks, from: number, to: number, text: string): SuggestionSource | undefined {
  for (let i = from; i <= to; i += 1) {
    const n = t.normal[i]!;
    if (n === 'according' && t.normal[i + 1] === 'to' && t.normal[i + 2] === 'reports') return { ...REPORTS };
    // "It is reported that", "it has been reported that". Not "X is reported to", nor "reportedly":
    // the gold labels give those, more often than not, to the outlet itself (dev split).
    if (n === 'reported' && t.normal[i + 1] === 'that' && BE.has(t.normal[i - 1] ?? '')) {
      let k = i - 1;
      while (k > from && (BE.has(t.normal[k]!) || t.normal[k] === 'has' || t.normal[k] === 'had' || t.pos[k] === 'ADV')) k -= 1;
      if (t.normal[k] === 'it') return { ...REPORTS };
    }
  }
  // "The study found", "The researchers also found", "the report notes": within the first few words.
  const words: number[] = [];
  for (let i = from; i <= to && words.length < 5; i += 1) if (isWord(t, i)) words.push(i);
  for (let k = 0; k < words.length - 1; k += 1) {
    const head = words[k]!;
    const kind = FINDERS.get(t.normal[head]!);
    if (!kind) continue;
    let v = words[k + 1]!;
    if (t.pos[v] === 'ADV' && k + 2 < words.length) v = words[k + 2]!;
    if (!FINDING_VERBS.has(t.normal[v]!)) return undefined;
    let start = words[0]!;
    while (start < head && CLAUSE_SPLIT.has(t.normal[start]!)) start = words[words.indexOf(start) + 1]!;
    if (!words.slice(words.indexOf(start), k).every((w) => /^\p{Ll}/u.test(t.value[w]!) || w === start)) return undefined;
    return { name: text.slice(t.start[start], t.end[head]), kind };
  }
  return undefined;
}

/** Who a complement is about when it is not its speaker: a person, a group, an institution. */
const ACTOR_WORDS = set(`forces troops soldiers militants rebels fighters insurgents gunmen attackers protesters
  demonstrators opposition regime police officers officials authorities government leaders members staff
  employees players team side club party group man woman men women boy girl children victims suspect
  suspects defendant defendants accused prisoners crew pilot pilots driver owner owners gang gangs mob`);
const FIRST_PERSON = set('i we me us my our');
const THIRD_PERSON = set('he she it they his her its their him them');
const NOT_NAME_WORDS = set('the a an of in for and to on at by with from its their his her our my');

/**
 * Whom a claim's speaker speaks about (the guide's rules 7 and 8): itself ("The company said it had
 * shut the plant", "'We sent two crews,' the mayor said"), another party ("A rebel said government
 * forces had put snipers on the roofs"), or a thing ("Officials said the bridge was closed"). From
 * the subject of what is said: after a leading speech verb, or the clause's own subject when the
 * attribution trails or the clause is quoted.
 */
function aboutWhom(
  t: Toks,
  clause: Clause,
  speechVerb: number | undefined,
  speaker: SuggestionSource,
): { about: 'self' | 'other' | 'thing'; reported: boolean } | undefined {
  const found = aboutSubject(t, clause, speechVerb, speaker);
  if (!found) return undefined;
  // Said in the indicative, outside quotation marks, after a speech verb that is not an order ("told
  // X to ...") nor a passive ("was told"): an account of what happened or is.
  const { about, quoted, verb, verbHead } = found;
  const reported =
    speechVerb !== undefined &&
    SAY.has(t.normal[speechVerb]!) &&
    !quoted &&
    !BE.has(t.normal[auxStart(t, clause.from, speechVerb)] ?? '') &&
    !t.normal.slice(verb, clause.to + 1).some((w) => REPORTED_MODALS.has(w)) &&
    !t.normal.slice(verb - 1, verbHead).includes('to');
  return { about, reported };
}

/** Kinds that speak on the record when they speak in their own name (the guide's rule 7). */
const ON_THE_RECORD_KINDS: ReadonlySet<SourceKind> = new Set(['named-official', 'institution', 'party', 'legislator']);
const REPORTED_MODALS = set(`will would 'll could can should must might may shall`);
/** Plain verbs of saying: not "denied", "confirmed", "called", "announced", which have their own rules. */
const SAY = set(`say says said state states stated add adds added tell tells told note notes noted write writes
  wrote explain explains explained`);

function aboutSubject(
  t: Toks,
  clause: Clause,
  speechVerb: number | undefined,
  speaker: SuggestionSource,
): { about: 'self' | 'other' | 'thing'; quoted: boolean; verb: number; verbHead: number } | undefined {
  let quoted = speechVerb === undefined && clause.quoted;
  let from = speechVerb === undefined ? clause.from : speechVerb + 1;
  let verb: number | undefined;
  let verbHead = 0;
  for (let i = from; i <= clause.to; i += 1) {
    if (isQuote(t.value[i]!)) {
      quoted = !quoted;
      from = i + 1;
    } else if (t.normal[i] === 'that' && t.pos[i] === 'SCONJ') from = i + 1;
    else if (t.pos[i] === 'VERB' || t.pos[i] === 'AUX') {
      verb = auxStart(t, from, i);
      verbHead = i;
      break;
    }
  }
  if (verb === undefined || verb <= from) return undefined;
  const start = subjectStartBefore(t, from, verb);
  if (start >= verb) return t.normal[verb - 1] === 'there' ? { about: 'thing', quoted, verb, verbHead } : undefined;
  const words = t.normal.slice(start, verb);
  let head = verb - 1;
  while (head > start && !['NOUN', 'PROPN', 'PRON'].includes(t.pos[head]!)) head -= 1;
  const h = t.normal[head]!;
  if (FIRST_PERSON.has(h) || FIRST_PERSON.has(words[0]!)) return { about: 'self', quoted, verb, verbHead };
  if (THIRD_PERSON.has(h) || THIRD_PERSON.has(words[0]!)) return { about: quoted ? 'other' : 'self', quoted, verb, verbHead };
  if (h === 'there') return { about: 'thing', quoted, verb, verbHead };
  const name = new Set(
    speaker.name
      .toLowerCase()
      .split(/[\s,]+/)
      .map((w) => w.replace(/['’]s?$/, ''))
      .filter((w) => w.length > 2 && !NOT_NAME_WORDS.has(w)),
  );
  if (words.some((w) => name.has(w.replace(/['’]s?$/, '')))) return { about: 'self', quoted, verb, verbHead };
  const actor = (k: number) =>
    t.pos[k] === 'PROPN' ||
    [ACTOR_WORDS, INSTITUTION_WORDS, PARTY_COMMON, TITLE_WORDS, LEGISLATOR_WORDS].some((s) => s.has(t.normal[k]!));
  for (let k = start; k < verb; k += 1) if (actor(k)) return { about: 'other', quoted, verb, verbHead };
  return { about: 'thing', quoted, verb, verbHead };
}

/**
 * Features of the whole paragraph: background (a biography, history recalled) comes in paragraphs
 * of its own, with old years and nobody speaking in them.
 */
function paragraphKind(t: Toks, from: number, end: number, latestYear: number): string[] {
  let past = false;
  let quote = false;
  let speech = false;
  for (let i = from; i < t.value.length && t.start[i]! < end; i += 1) {
    const n = t.normal[i]!;
    if (isYear(n) && Number(n) < latestYear - 1) past = true;
    if (isQuote(t.value[i]!)) quote = true;
    if (t.pos[i] === 'VERB' && SPEECH_VERBS.has(n)) speech = true;
  }
  const kind: string[] = [];
  if (past) kind.push('para-past');
  if (quote) kind.push('para-quote');
  if (speech) kind.push('para-speech');
  if (!quote && !speech) kind.push(past ? 'para-plain-past' : 'para-plain');
  return kind;
}

/** What someone or a body is: "a member of", "the agency for health". */
const IDENTITY_NOUNS = set('member body organisation organization group lecturer student graduate');
/** "stands for", "is short for", "an abbreviation of", "was founded in 1901": background (rule 1). */
function background(t: Toks, from: number, to: number): boolean {
  // "Dr Amal Haddad is a professor of epidemiology at ...", "The WHO is the United Nations agency for
  // health": who someone is or what a body is, said of a name (rule 1).
  let v = from;
  while (v <= to && (t.pos[v] === 'PROPN' || (v === from && t.pos[v] === 'DET'))) v += 1;
  if (
    v > from &&
    t.pos[v - 1] === 'PROPN' &&
    ['is', 'was'].includes(t.normal[v] ?? '') &&
    ['a', 'an', 'the'].includes(t.normal[v + 1] ?? '')
  ) {
    for (let k = v + 2; k <= Math.min(to - 1, v + 7); k += 1) {
      const w = t.normal[k]!;
      if (!['NOUN', 'PROPN', 'ADJ'].includes(t.pos[k]!)) break;
      if (
        (TITLE_WORDS.has(w) || SPECIALISTS.has(w) || IDENTITY_NOUNS.has(w) || INSTITUTION_WORDS.has(w)) &&
        ['of', 'at', 'for', 'in', 'with'].includes(t.normal[k + 1] ?? '')
      )
        return true;
    }
  }
  for (let i = from; i < to; i += 1) {
    const n = t.normal[i]!;
    const next = t.normal[i + 1] ?? '';
    if ((n === 'stands' || n === 'short') && next === 'for' && t.pos[i - 1] !== 'DET') return true;
    if ((n === 'abbreviation' || n === 'acronym') && (next === 'for' || next === 'of')) return true;
    if (
      (n === 'founded' || n === 'established') &&
      BE.has(t.normal[i - 1] ?? '') &&
      next === 'in' &&
      /^(1[5-9]|20)\d\d$/.test(t.normal[i + 2] ?? '')
    )
      return true;
  }
  return false;
}

const NONE_WEIGHT = 2;

/**
 * The classifier's label for a clause no cue word decided (or `none`: no claim), and how sure it
 * is. It never overrides a cue, so that "was unable to confirm" can never come out confirmed.
 */
function labelClause(classifier: LoadedClassifier, features: string[]): { label: Label | 'none'; confidence: number } {
  const p = classify(classifier, features);
  // Background reads much like narration, and the model, trained on more narration, says `none`
  // too seldom: its probability counts double (pooled dev CV: none F1 0.35 -> 0.40, macro-F1 level).
  const none = classifier.model.labels.indexOf('none');
  if (none >= 0) p[none] = p[none]! * NONE_WEIGHT;
  let k = 0;
  for (let i = 1; i < p.length; i += 1) if (p[i]! > p[k]!) k = i;
  return {
    label: classifier.model.labels[k] as Label | 'none',
    confidence: Math.round(clamp(p[k]!, 0.05, 0.95) * 100) / 100,
  };
}

/**
 * The classifier's view of a clause: its words and word pairs, their clusters, words in a
 * negation's scope, parts of speech, the cue rules that fired, the source's kind, quotation and attribution, position in
 * the article, length and figures.
 */
function clauseFeatures(
  t: Toks,
  clause: Clause,
  rules: Rule[],
  source: SuggestionSource,
  run: Run,
  attributed: boolean,
): string[] {
  const f: string[] = [];
  let words = 0;
  let previous: string | undefined;
  for (let i = clause.from; i <= clause.to; i += 1) {
    if (!isWord(t, i)) {
      previous = undefined;
      continue;
    }
    const n = t.normal[i]!;
    words += 1;
    f.push(`w:${n}`, `p:${t.pos[i]}`);
    if (previous) f.push(`b:${previous}_${n}`);
    if (t.neg[i]) f.push(`neg:${n}`);
    if (t.pos[i] === 'NUM') f.push('number');
    // Background reads as history: a year, "had been", the clause's first word.
    if (isYear(n)) f.push('year');
    if (previous === 'had' && t.pos[i] === 'VERB') f.push('past-perfect');
    if (words === 1) f.push(`first:${n}`);
    // A word unseen in training still counts through the words used like it (its clusters).
    wordClusters(n)?.forEach((c, m) => {
      f.push(`c${m}:${c}`);
      if (t.neg[i]) f.push(`nc${m}:${c}`);
    });
    previous = n;
  }
  for (const r of rules) f.push(`rule:${r.label}:${r.rank}`, r.cue ? `cue:${r.label}` : 'no-cue');
  f.push(`kind:${source.kind}`, clause.quoted ? 'quoted' : 'unquoted', attributed ? 'attributed' : 'unattributed');
  f.push(`paragraph:${Math.min(run.paragraph, 4)}`, `sentence:${Math.min(run.sentence, 3)}`, ...run.paragraphKind);
  // A year two or more before the latest the article names: history recalled, often background.
  for (let i = clause.from; i <= clause.to; i += 1) {
    const n = t.normal[i]!;
    if (isYear(n) && Number(n) < run.latestYear - 1) {
      f.push('year-past');
      break;
    }
  }
  f.push(`length:${words < 5 ? 'short' : words < 15 ? 'mid' : words < 30 ? 'long' : 'very-long'}`);
  if (!/[.!?"”'’]$/.test(t.value[clause.to] ?? '')) f.push('no-final-stop');
  return f;
}

/**
 * A clause no cue speaks for: reported by another outlet, it reached the article second-hand (rule
 * 6); otherwise it is stated as established, by the outlet in its own voice or by its source on the
 * record (rule 7), with a low confidence, since the rules saw nothing to go on.
 */
function uncuedRule(source: SuggestionSource): Rule {
  if (source.kind === 'outlet' && source.name !== OUTLET.name)
    return { label: 'unconfirmed', rank: 40, strength: 0.55, cue: undefined };
  return { label: 'confirmed', rank: 10, strength: 0.4, cue: undefined };
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

function firstAttributionVerb(t: Toks, from: number, to: number): number | undefined {
  for (let i = from; i <= to; i += 1) {
    if (isQuote(t.value[i]!)) return undefined; // the verb must come before any quotation
    const n = t.normal[i]!;
    // Tenth round: "X is quoted by Y as saying", "X was quoted in Y as saying": X speaks, Y passed it on.
    if (n === 'quoted' && BE.has(t.normal[i - 1] ?? '') && t.normal.slice(i + 1, Math.min(to, i + 12) + 1).includes('as'))
      return auxStart(t, from, i - 1);
    if ((t.pos[i] === 'VERB' || t.pos[i] === 'AUX') && (SPEECH_VERBS.has(n) || n === 'show' || n === 'shows')) {
      if (ADDRESSEE_PASSIVE.has(n) && BE.has(t.normal[i - 1] ?? '')) continue;
      // Tenth round: "No injuries were reported", "The results were announced at noon", "24 people
      // have been reported injured": in the passive, the subject is what was said, not who said it.
      if (/ed$/.test(n) && (BE.has(t.normal[i - 1] ?? '') || (t.pos[i - 1] === 'ADV' && BE.has(t.normal[i - 2] ?? '')))) continue;
      return auxStart(t, from, i);
    }
    if (claimAsVerb(t, from, i)) return i;
    // Seventh round: "the rebels charged that ...": an accusation spoken.
    if (n === 'charged' && t.normal[i + 1] === 'that' && t.pos[i - 1] !== 'AUX' && !BE.has(t.normal[i - 1] ?? ''))
      return auxStart(t, from, i);
    // "Experts believe ...", "economists expect ...", "officials fear ...": specialists or officials
    // giving their view speak as a verb of saying does (the view itself is judged by the cues).
    if (VIEW_VERBS.has(n) && t.normal[i + 1] !== 'to' && i > from && VIEW_HOLDERS(t.normal[i - 1]!)) return auxStart(t, from, i);
  }
  return undefined;
}
const VIEW_VERBS = set('believe believes think thinks expect expects fear fears predict predicts doubt doubts');
const VIEW_HOLDERS = (w: string) =>
  /^[a-z]+ologists?$/.test(w) || SPECIALISTS.has(w) || EXPERT_WORDS.has(w) || PLURAL_SPEAKERS.has(w) || w === 'officials';

/**
 * "Russian authorities claim the drone ...", "The police claim the man fled": wink tags this "claim" a
 * noun; between a noun and what is claimed it is the verb.
 */
function claimAsVerb(t: Toks, from: number, i: number): boolean {
  if (t.pos[i] !== 'NOUN' || i === from) return false;
  const before = t.pos[i - 1];
  if (before !== 'PROPN' && before !== 'NOUN') return false;
  if (t.normal[i] === 'claim') return ['DET', 'PROPN', 'PRON', 'NUM', 'SCONJ'].includes(t.pos[i + 1] ?? '');
  // Tenth round: "The report states that ...", "The agency notes that ...": the same for a verb of
  // saying in -s before "that", when no verb follows "that" (not "member states that have signed").
  return (
    NOUN_TAGGED_SAYS.has(t.normal[i]!) &&
    t.normal[i + 1] === 'that' &&
    !['VERB', 'AUX'].includes(t.pos[i + 2] ?? '') &&
    !['member', 'united'].includes(t.normal[i - 1]!)
  );
}
const NOUN_TAGGED_SAYS = set(`says states notes reports claims warns argues adds insists alleges stresses writes
  suggests estimates concludes explains`);

/** Where the clause's own words start after an opening phrase closed by a comma ("In a speech today, ..."). */
function openerEnd(t: Toks, from: number, to: number): number | undefined {
  const opens = ['ADP', 'SCONJ', 'ADV'].includes(t.pos[from]!) || (t.pos[from] === 'VERB' && /ing$/.test(t.normal[from]!));
  if (!opens) return undefined;
  for (let k = from + 1; k <= to && k - from <= 25; k += 1) {
    if (isQuote(t.value[k]!)) return undefined;
    if (t.value[k] === ',') return k + 1;
  }
  return undefined;
}

/** The verb group starting at `at` ("has also expressed") ends in one of EXPRESS_VERBS, in the active. */
function expressVerb(t: Toks, at: number, to: number): boolean {
  let i = at;
  while (i < to && ['AUX', 'PART', 'ADV'].includes(t.pos[i]!)) i += 1;
  // "X released a statement: ...", "X issued a statement condemning ...": X speaks in it.
  if (STATEMENT_VERBS.has(t.normal[i] ?? '') && !t.normal.slice(at, i).some((w) => BE.has(w))) {
    let k = i + 1;
    while (k < to && k - i <= 3 && ['DET', 'ADJ', 'VERB'].includes(t.pos[k]!)) k += 1;
    if (STATEMENTS.has(t.normal[k] ?? '')) return true;
  }
  if (!EXPRESS_VERBS.has(t.normal[i] ?? '') || t.pos[i] === 'NOUN') return false;
  // "was described as", "is believed to": the passive is hearsay or a description, not the subject's view.
  if (t.normal.slice(at, i).some((w) => BE.has(w))) return false;
  // "NASA hopes to fill the gap", "debris believed to be ...": an aim, or hearsay, not a view.
  if (t.normal[i + 1] === 'to') return false;
  // "revealed the artifacts", "mentioned the initiative": these give a view only with a clause after
  // them ("revealed (that) many are not getting enough iodine").
  if (!CLAUSE_NEEDED.has(t.normal[i]!)) return true;
  if (t.normal[i + 1] === 'that') return true;
  for (let k = i + 1; k <= to && t.value[k] !== ',' && !RELATIVE.has(t.normal[k]!); k += 1) {
    if (t.pos[k] === 'AUX') return true;
    // A finite verb; not "dumping", "known yet", "for legalized", "to fill".
    const participle = /ing$/.test(t.normal[k]!) || (/(?:ed|en|wn)$/.test(t.normal[k]!) && t.pos[k - 1] !== 'PRON');
    if (t.pos[k] === 'VERB' && !participle && t.normal[k - 1] !== 'to') return true;
  }
  return false;
}
const STATEMENT_VERBS = set('release releases released issue issues issued publish publishes published');
const STATEMENTS = set('statement statements communique communiqué declaration');
const CLAUSE_NEEDED = set(`reveal reveals revealed indicate indicates indicated suggest suggests suggested mention
  mentions mentioned highlight highlights highlighted outline outlines outlined specify specifies specified
  clarify clarifies clarified echo echoes echoed declare declares declared`);

function firstVerb(t: Toks, from: number, to: number): number | undefined {
  for (let i = from; i <= to; i += 1) {
    if (isQuote(t.value[i]!)) return undefined;
    if (t.pos[i] === 'VERB' || t.pos[i] === 'AUX') return auxStart(t, from, i);
  }
  return undefined;
}

/** Back over "has not", "also", "on Wednesday" to where the verb group starts. */
function auxStart(t: Toks, from: number, verb: number): number {
  let i = verb;
  while (i - 1 >= from && ['AUX', 'PART', 'ADV'].includes(t.pos[i - 1]!)) i -= 1;
  return i;
}

const RELATIVE = set('who which that');

/**
 * The speaker of an attribution verb whose subject is not just before it: "Governor Ellen Park
 * declared an emergency and said ..." (the subject of the first verb), "An official who asked not to
 * be named said" and "Smith, who heads the union, said" (the noun phrase before the relative clause).
 */
function speakerBefore(t: Toks, from: number, verb: number): [number, number] | undefined {
  const start = subjectStartBefore(t, from, verb);
  if (start < verb) return [start, verb - 1];
  const before = verb - 1;
  // Tenth round: "Assad defended the decision and criticised the US position, saying ...": the
  // participle's speaker is the subject of the clause's first verb.
  const participle = t.value[before] === ',' && /ing$/.test(t.normal[verb]!) && t.pos[verb] === 'VERB';
  if (before > from && (t.normal[before] === 'and' || t.normal[before] === 'but' || participle)) {
    const first = firstVerb(t, from, before - 1);
    if (first === undefined) return undefined;
    const s = subjectStartBefore(t, from, first);
    return s < first ? [s, first - 1] : undefined;
  }
  // Back over the relative clause (at most 15 words, no quotation) to its "who", then the noun before it.
  for (let k = before; k > from && before - k < 15; k -= 1) {
    if (isQuote(t.value[k]!)) return undefined;
    if (!RELATIVE.has(t.normal[k]!) || !['NOUN', 'PROPN', 'PUNCT'].includes(t.pos[k - 1]!)) continue;
    const end = t.value[k - 1] === ',' ? k - 1 : k;
    if (end !== k && t.value[before] !== ',') return undefined; // ", who ..." closes with a comma
    const s = subjectStartBefore(t, from, end);
    return s < end && ['NOUN', 'PROPN'].includes(t.pos[end - 1]!) ? [s, end - 1] : undefined;
  }
  return nameThenAside(t, from, verb);
}

/**
 * Tenth round: "One protester, Kim In-seok, stated", "Jakaya Kikwete, the Tanzanian President chairing
 * the summit, said", "Irshad Matsoi, the bureau chief for the network where Shakir worked, said":
 * a name opens the clause, then an aside closed by a comma before the verb, whatever words it has
 * (no quotation). The whole when the aside is a plain apposition, else the name alone.
 */
function nameThenAside(t: Toks, from: number, verb: number): [number, number] | undefined {
  const before = verb - 1;
  if (t.value[before] !== ',') return undefined;
  // "Meanwhile, X, ..., said", "On Friday, X, ..., told AFP"
  const opened = openerEnd(t, from, before);
  const a = opened !== undefined && opened < before ? opened : from;
  let c = a;
  while (c < before && t.value[c] !== ',') c += 1;
  if (c === a || c >= before || c - a > 10 || before - c > 25) return undefined;
  if (['ADP', 'SCONJ', 'ADV', 'VERB', 'AUX'].includes(t.pos[a]!) || !nounPhrase(t, a, c - 1)) return undefined;
  if (!t.pos.slice(a, c).includes('PROPN') || t.pos.slice(a, c).some((p) => p === 'VERB' || p === 'AUX')) return undefined;
  for (let k = c + 1; k < before; k += 1) if (isQuote(t.value[k]!) || [';', ':'].includes(t.value[k]!)) return undefined;
  return wholeSubject(t, a, before) !== undefined ? [a, before - 1] : [a, c - 1];
}

/** "Police on Monday said": a day, not the office's place. */
const DAY_WORDS = set('monday tuesday wednesday thursday friday saturday sunday today yesterday tonight');
const APPOSITION_POS = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'ADP', 'NUM', 'PART', 'CCONJ']);

/** Where the subject noun phrase ending just before `end` starts (after a comma or clause opener). */
/** Where a day named just before `end` ("on Monday", "Tuesday") starts, when a noun phrase comes before it; else `end`. */
function beforeDayOf(t: Toks, from: number, end: number): number {
  let k = end - 1;
  if (k <= from || !DAY_WORDS.has(t.normal[k]!)) return end;
  if (t.normal[k - 1] === 'on') k -= 1;
  return k > from && ['NOUN', 'PROPN'].includes(t.pos[k - 1]!) ? k : end;
}

function subjectStartBefore(t: Toks, from: number, end: number): number {
  let i = end;
  while (i - 1 >= from) {
    const p = t.pos[i - 1]!;
    const v = t.value[i - 1]!;
    // Tenth round: "the Nuclear Regulation Authority (NRA) said": an abbreviation in brackets
    // after a name is part of it.
    if (v === ')' && i === end) {
      let k = i - 2;
      while (k > from && i - 2 - k < 6 && t.value[k] !== '(' && ['PROPN', 'NOUN', 'NUM'].includes(t.pos[k]!)) k -= 1;
      if (k > from && k < i - 2 && t.value[k] === '(' && ['PROPN', 'NOUN'].includes(t.pos[k - 1]!)) {
        i = k;
        continue;
      }
      break;
    }
    if (v === ',') {
      // an apposition: "The returning officer, Janet Ellery, confirmed" keeps going left
      let k = i - 2;
      while (k >= from && t.pos[k] === 'PROPN') k -= 1;
      if (k >= from && t.value[k] === ',' && k < i - 2) {
        i = k;
        continue;
      }
      // "Representative Howard Berman, the chairperson for the committee said": a name, then a
      // description the article did not close with a comma: back to the name. Not "In Washington,
      // the president said", where the name is a place after a preposition.
      if (['the', 'a', 'an'].includes(t.normal[i] ?? '')) {
        let n = i - 2;
        while (n >= from && t.pos[n] === 'PROPN') n -= 1;
        const nameRun = i - 2 - n;
        if (nameRun >= 2 && !(n >= from && t.pos[n] === 'ADP')) {
          i = n + 1;
          while (i - 1 >= from && ['NOUN', 'ADJ'].includes(t.pos[i - 1]!)) i -= 1;
          break;
        }
      }
      // "Salah al-Obaidi, a top aide to al-Sadr, said": a description after a name, back to the name.
      k = i - 2;
      while (
        k >= from &&
        i - 2 - k < 12 &&
        (APPOSITION_POS.has(t.pos[k]!) || t.value[k] === '-' || /^['’]s?$/.test(t.value[k]!)) &&
        t.value[k] !== ','
      )
        k -= 1;
      // "Officials, speaking on condition of anonymity, said": a participle's phrase between commas.
      if (i === end && !(k > from && k < i - 2 && t.value[k] === ',')) {
        let c = i - 2;
        while (c >= from && i - 2 - c < 15 && t.value[c] !== ',' && !isQuote(t.value[c]!)) c -= 1;
        if (
          c > from &&
          t.value[c] === ',' &&
          ['NOUN', 'PROPN'].includes(t.pos[c - 1]!) &&
          /ing$/.test(t.normal[c + 1]!) &&
          // "The newspaper, citing two sources, said": a chain, which `citing` reads.
          !['citing', 'quoting'].includes(t.normal[c + 1]!)
        ) {
          i = c;
          while (i - 1 >= from && ['NOUN', 'PROPN', 'ADJ', 'DET'].includes(t.pos[i - 1]!)) i -= 1;
          break;
        }
      }
      if (k > from && k < i - 2 && t.value[k] === ',' && t.pos[k - 1] === 'PROPN' && i === end) {
        i = k;
        while (i - 1 >= from && (t.pos[i - 1] === 'PROPN' || t.value[i - 1] === '-')) i -= 1;
        // "Senior researcher Mu Li, of ...": the title before the name belongs to it.
        while (i - 1 >= from && ['NOUN', 'ADJ', 'DET'].includes(t.pos[i - 1]!)) i -= 1;
        break;
      }
      if (i === end) i = wholeSubject(t, from, i - 1) ?? i;
      break;
    }
    // "Today the agency said": the day is when, not who.
    if (DAY_WORDS.has(t.normal[i - 1]!) && t.pos[i] === 'DET') break;
    if (
      ['NOUN', 'PROPN', 'PRON', 'DET', 'ADJ', 'NUM', 'PART'].includes(p) ||
      v === '-' ||
      (p === 'ADP' && ['of', 'in', 'for'].includes(t.normal[i - 1]!) && ['NOUN', 'PROPN'].includes(t.pos[i - 2] ?? '')) || // "Authorities in Moscow"
      // "The Syrian ambassador to the United Kingdom", "the Committee on Foreign Affairs", "a
      // professor at the university": an office named by where it serves (seventh session).
      (p === 'ADP' &&
        ['to', 'on', 'at'].includes(t.normal[i - 1]!) &&
        ['NOUN', 'PROPN'].includes(t.pos[i - 2] ?? '') &&
        !DAY_WORDS.has(t.normal[i] ?? '') &&
        ['DET', 'PROPN'].includes(t.pos[i] ?? ''))
    ) {
      i -= 1;
      continue;
    }
    // Seventh round: "sources close to the talks", "people familiar with the matter": one noun phrase.
    if (
      ((t.normal[i - 1] === 'to' && t.normal[i - 2] === 'close') ||
        (t.normal[i - 1] === 'with' && t.normal[i - 2] === 'familiar')) &&
      ['NOUN', 'PROPN'].includes(t.pos[i - 3] ?? '') &&
      i - 3 >= from
    ) {
      i -= 2;
      continue;
    }
    break;
  }
  return i;
}

/**
 * Tenth round: "Morgan Tsvangirai, leader of the Movement for Democratic Change (MDC), says", "Lydia
 * Buchtmann for Food Standards Australia, says", "Professor X, Director of A, and Chairman of B,
 * says": from the clause's start to the comma before the verb, a name and what it is, with no verb
 * and no quotation: the whole is the subject (the name before its first comma is the source).
 */
function wholeSubject(t: Toks, from: number, comma: number): number | undefined {
  if (comma - from > 30 || comma - from < 1) return undefined;
  if (!['PROPN', 'DET', 'NOUN', 'ADJ'].includes(t.pos[from]!)) return undefined;
  let propn = false;
  let commas = false;
  for (let k = from; k < comma; k += 1) {
    const v = t.value[k]!;
    if (v === ',') {
      commas = true;
      // ", in an interview with Radio X, said": when and where, not who.
      if (t.pos[k + 1] === 'ADP' || t.pos[k + 1] === 'VERB') return undefined;
    } else if (t.pos[k] === 'PROPN' && !commas) propn = true;
    const fits =
      APPOSITION_POS.has(t.pos[k]!) ||
      [',', '(', ')', '-', "'", '’', "'s", '’s'].includes(v) ||
      namePart(t, k) ||
      (t.pos[k] === 'VERB' && (t.value[k - 1] === '-' || t.value[k + 1] === '-'));
    if (!fits) return undefined;
  }
  return propn ? from : undefined;
}

/**
 * "X, citing Y, reported": Y is the source, and X (the noun phrase before "citing", when there is
 * one) passed it on.
 */
function citing(
  t: Toks,
  from: number,
  to: number,
  ctx: SourceContext,
): { source: SuggestionSource; via: SuggestionSource | undefined } | undefined {
  for (let i = from; i < to; i += 1) {
    // "citing Y", "quoting Y", and "X quoted Y as saying" (not "X was quoted as saying").
    const quotedAs = t.normal[i] === 'quoted' && t.pos[i] === 'VERB' && !['was', 'were', 'is', 'been'].includes(t.normal[i - 1]!);
    if (t.normal[i] !== 'citing' && t.normal[i] !== 'quoting' && !quotedAs) continue;
    let e = i + 1;
    while (
      e + 1 <= to &&
      t.value[e + 1] !== ',' &&
      t.pos[e + 1] !== 'VERB' &&
      t.pos[e + 1] !== 'PUNCT' &&
      t.normal[e + 1] !== 'as' &&
      t.normal[e + 1] !== 'that'
    )
      e += 1;
    const before = t.value[i - 1] === ',' ? i - 2 : i - 1;
    const via = before >= from && nounPhrase(t, from, before) ? ctx.resolve(t, from, before, false) : undefined;
    const source = ctx.resolve(t, i + 1, e, false);
    return source ? { source, via } : undefined;
  }
  return undefined;
}

/** The outlet a journalist speaks for: "Reuters' Pentagon correspondent Idrees Ali" gives Reuters. */
function outletOwner(source: SuggestionSource): string | undefined {
  if (source.kind !== 'outlet') return undefined;
  return /^(\p{Lu}.*?)(?:'s|’s|'|’)\s+\S/u.exec(source.name)?.[1];
}

/** Whom a claim was told to is no link when it is the press at large or a pronoun ("told reporters"). */
const NOT_A_LINK = set(`reporters reporter journalists journalist press media us me him her them you it
  news conference briefing crowd audience`);
const LINK_VERB = set('told tell tells telling');
/** "spoke to X", "in an interview with X", "in remarks to X", "reported by X": word, then preposition. */
const LINK_BEFORE_PREPOSITION = new Map<string, Set<string>>([
  ['spoke', set('to with')],
  ['speaking', set('to with')],
  ['talking', set('to with')],
  ['talked', set('to with')],
  ['said', set('to')],
  ['saying', set('to')],
  ['stated', set('to')],
  ['interview', set('with')],
  ['remarks', set('to')],
  ['comments', set('to')],
  ['reported', set('by')],
  ['quoted', set('by in')],
]);

/**
 * A link the article states between the source and the outlet: "told the BBC", "in an interview
 * with The Times", "in a statement reported by Haveeru Daily". Not remembered as a source, so a
 * pronoun after it still points to the speaker.
 */
function statedLink(t: Toks, ranges: [number, number][], ctx: SourceContext): SuggestionSource | undefined {
  for (const [from, to] of ranges) {
    for (let i = from; i < to; i += 1) {
      const n = t.normal[i]!;
      let start: number | undefined;
      if (LINK_VERB.has(n) && t.pos[i] === 'VERB') start = i + 1;
      else if (LINK_BEFORE_PREPOSITION.get(n)?.has(t.normal[i + 1] ?? '')) start = i + 2;
      // "said to be": a hearsay verb, not a link.
      if (start === undefined || start > to || ['VERB', 'AUX', 'PART'].includes(t.pos[start]!)) continue;
      let end = start;
      while (
        end + 1 <= to &&
        end - start < 8 &&
        !isQuote(t.value[end + 1]!) &&
        ![',', 'that', 'on', 'in', 'about', 'as', 'at', 'after', 'before', 'when', 'and'].includes(t.normal[end + 1]!) &&
        (!['VERB', 'AUX', 'SCONJ'].includes(t.pos[end + 1]!) || namePart(t, end + 1)) &&
        (t.pos[end + 1] !== 'PUNCT' || /^(?:'s?|’s?|\.|-)$/.test(t.value[end + 1]!))
      )
        end += 1;
      const words = t.normal.slice(start, end + 1).filter((w) => !['the', 'a', 'an', 'local'].includes(w));
      if (words.length === 0 || words.every((w) => NOT_A_LINK.has(w)) || !nounPhrase(t, start, end)) continue;
      // "told a press conference the train had ...": the press at large, not an outlet.
      if ((words[0] === 'press' || words[0] === 'news') && NOT_A_LINK.has(words[1] ?? '')) continue;
      const link = ctx.resolve(t, start, end, false, false);
      if (link) return link;
    }
  }
  return undefined;
}

/** The tokens of `name` where it is written in the ranges, if it is: the cue of a second-hand report. */
function nameTokens(t: Toks, text: string, name: string, ranges: [number, number][]): [number, number] | undefined {
  for (const [from, to] of ranges) {
    const at = text.slice(t.start[from]!, t.end[to]!).indexOf(name);
    if (at < 0) continue;
    const start = t.start[from]! + at;
    let a = from;
    while (a < to && t.start[a]! < start) a += 1;
    let b = a;
    while (b < to && t.end[b + 1]! <= start + name.length) b += 1;
    return [a, b];
  }
  return undefined;
}

/** Two names of one source: the same, or one containing the other ("the BBC", "BBC"). */
function sameName(a: string, b: string): boolean {
  const norm = (name: string) => name.toLowerCase().replace(/^(the|a|an)\s+/, '');
  const x = norm(a);
  const y = norm(b);
  return x.includes(y) || y.includes(x);
}

/** "according to X" names the source. */
/** Where a sentence-closing ", according to X." starts, if the sentence ends with one. */
function closingAccordingTo(t: Toks, from: number, to: number): number | undefined {
  for (let i = to - 2; i > from; i -= 1) {
    if (t.normal[i] === 'according' && t.normal[i + 1] === 'to') return t.value[i - 1] === ',' ? i : undefined;
    if (t.value[i] === ',' || t.pos[i] === 'VERB' || isQuote(t.value[i]!)) return undefined;
  }
  return undefined;
}

/** "according to plan", "according to the relative strength of each party": a measure, not a source. */
const MEASURES = set(`plan plans schedule law laws rule rules tradition custom procedure procedures protocol strength
  size share shares need needs merit merits standards formula`);
const accordingToMeasure = (t: Toks, i: number) =>
  [2, 3, 4].some(
    (k) => MEASURES.has(t.normal[i + k] ?? '') && t.pos.slice(i + 2, i + k).every((p) => p === 'DET' || p === 'ADJ'),
  );

function accordingTo(t: Toks, from: number, to: number, ctx: SourceContext): SuggestionSource | undefined {
  for (let i = from; i < to; i += 1) {
    if (t.normal[i] === 'according' && t.normal[i + 1] === 'to' && !accordingToMeasure(t, i)) {
      let e = i + 2;
      const possessive = (k: number) => /^(?:'s?|’s?)$/.test(t.value[k]!); // "Reuters' correspondent"
      // "according to the Red Cross": a capitalised word wink tags a verb, inside a name, is part of it.
      const capitalised = (k: number) => /^\p{Lu}/u.test(t.value[k]!) && t.pos[k - 1] === 'PROPN';
      while (
        e + 1 <= to &&
        t.value[e + 1] !== ',' &&
        (t.pos[e + 1] !== 'VERB' || namePart(t, e + 1) || capitalised(e + 1)) &&
        (t.pos[e + 1] !== 'PUNCT' || possessive(e + 1))
      )
        e += 1;
      return ctx.resolve(t, i + 2, e, false);
    }
  }
  return undefined;
}

/** The claim's character span: without leading conjunctions/quotes and trailing punctuation. */
function trimSpan(t: Toks, from: number, to: number): [number, number] | undefined {
  while (
    from <= to &&
    (isQuote(t.value[from]!) ||
      t.pos[from] === 'PUNCT' ||
      /^\s+$/.test(t.value[from]!) ||
      (CLAUSE_SPLIT.has(t.normal[from]!) && t.pos[from] !== 'NOUN'))
  )
    from += 1;
  while (
    to >= from &&
    (isQuote(t.value[to]!) || [',', '.', ';', ':', '—', '-'].includes(t.value[to]!) || /^\s+$/.test(t.value[to]!))
  )
    to -= 1;
  if (from > to) return undefined;
  return [t.start[from]!, t.end[to]!];
}

/** Split once: this runs at every token of every article. */
const APPROX_2_WORDS = APPROX_2.map((phrase) => phrase.split(' '));

const seq = (t: Toks, i: number, words: readonly string[]) => words.every((w, k) => t.normal[i + k] === w);

/** Every cue rule that fires in the token ranges. */
function findRules(t: Toks, ranges: [number, number][], source: SuggestionSource, accusationNear = false): Rule[] {
  const rules: Rule[] = [];
  const add = (label: Label, rank: number, strength: number, a: number, b = a) =>
    rules.push({ label, rank, strength, cue: [a, b] });
  let hasConditionalModal = false;
  let hasNumber = -1;
  for (const [from, to] of ranges) {
    for (let i = from; i <= to; i += 1) {
      const n = t.normal[i]!;
      const negated =
        t.neg[i] === true || previousWords(t, from, i, 2).some((k) => ['not', "n't", 'never', 'no'].includes(t.normal[k]!));
      // A withheld confirmation: a withholding word up to five words before, in the same stretch
      // ("was unable to independently confirm", "has yet to confirm"), or a negation just after
      // ("confirmation was not given").
      const withheld =
        negated ||
        previousWords(t, from, i, 5, true).some((k) => WITHHOLD.has(t.normal[k]!)) ||
        nextWords(t, i, to, 3).some((k) => ['not', "n't"].includes(t.normal[k]!) || (t.normal[k] === 'yet' && n !== 'known'));
      // Negation start: the first negating word before i, for the cue span.
      const negStart = () => {
        let k = i - 1;
        while (k >= from && i - k <= 4 && !['not', "n't", 'never', 'neither', 'no', 'nor'].includes(t.normal[k]!)) k -= 1;
        if (k < from || i - k > 4) return i;
        while (k - 1 >= from && ['AUX', 'PART'].includes(t.pos[k - 1]!)) k -= 1;
        return k;
      };
      if (isNumber(t, i) && hasNumber < 0) hasNumber = i;
      // unconfirmed: negated confirmation, declined to comment, unclear, not known
      if (CONFIRM.has(n) && withheld) {
        add('unconfirmed', 100, 0.85, withholdStart(t, from, i), i);
        continue;
      }
      if (
        (COMMENT.has(n) ||
          n === 'know' ||
          n === 'knows' ||
          n === 'known' ||
          n === 'clear' ||
          n === 'information' ||
          n === 'details' ||
          n === 'acknowledged' ||
          (ESTABLISHED.has(n) && (t.normal[i - 1] === 'been' || t.normal[i - 1] === 'be'))) &&
        withheld &&
        !anonymityRequest(t, i)
      ) {
        add('unconfirmed', 100, 0.85, negated ? negStart() : withholdStart(t, from, i), i);
        continue;
      }
      // "would not say", "did not disclose whether", "declined to elaborate", "refused to be drawn"
      if (
        WITHHOLD_SPEECH.has(n) &&
        (negated || (t.normal[i - 1] === 'to' && t.normal[i - 2] === 'yet')) &&
        (previousWords(t, from, i, 3).some((k) => ['would', 'will', 'could', 'wo', 'can', 'ca'].includes(t.normal[k]!)) ||
          WH_WORDS.has(t.normal[i + 1] ?? ''))
      ) {
        add('unconfirmed', 100, 0.75, negStart(), i);
        continue;
      }
      if (DECLINE.has(n) && seq(t, i + 1, ['to', 'be', 'drawn'])) {
        add('unconfirmed', 100, 0.75, i, i + 3);
        continue;
      }
      if (RESPOND.has(n) && negated && nextWords(t, i, to, 5).some((k) => ENQUIRIES.has(t.normal[k]!))) {
        add('unconfirmed', 100, 0.75, negStart(), i);
        continue;
      }
      if (
        RELEASE.has(n) &&
        withheld &&
        (nextWords(t, i, to, 4).some((k) => INFO_OBJECTS.has(t.normal[k]!)) ||
          // Seventh round: "the number of casualties was not disclosed": the object before a passive.
          (negated && BE.has(t.normal[i - 2] ?? '') && previousWords(t, from, i, 6).some((k) => INFO_OBJECTS.has(t.normal[k]!))))
      ) {
        add('unconfirmed', 100, 0.75, negated ? negStart() : withholdStart(t, from, i), i);
        continue;
      }
      // Seventh round: "police have not named the victim", "details were not made public": withheld (rule 3).
      if (
        (((n === 'named' || n === 'identified') &&
          negated &&
          nextWords(t, i, to, 3).some((k) => NAMED_PEOPLE.has(t.normal[k]!))) ||
          (n === 'made' &&
            t.normal[i + 1] === 'public' &&
            negated &&
            previousWords(t, from, i, 7).some((k) => INFO_OBJECTS.has(t.normal[k]!) || NAMED_PEOPLE.has(t.normal[k]!)))) &&
        !anonymityRequest(t, i)
      ) {
        add('unconfirmed', 100, 0.75, negated ? negStart() : withholdStart(t, from, i), i);
        continue;
      }
      if (n === 'lipped' && t.normal[i - 2] === 'tight') {
        add('unconfirmed', 100, 0.7, i - 2, i);
        continue;
      }
      // "no independent verification", "sent for verification": not verified yet.
      if (n === 'verification' && (withheld || t.normal[i - 1] === 'for')) {
        add('unconfirmed', 100, 0.75, withheld ? withholdStart(t, from, i) : i - 1, i);
        continue;
      }
      if ((n === 'request' || n === 'requests') && t.normal[i + 1] === 'for' && t.normal[i + 2] === 'comment') {
        add('unconfirmed', 100, 0.8, i, i + 2);
        continue;
      }
      if (DECLINE.has(n) && DECLINE_OBJECT.has(t.normal[i + 2] ?? '') && t.normal[i + 1] === 'to') {
        add('unconfirmed', 100, 0.85, i, i + 2);
        continue;
      }
      if (UNKNOWN.has(n)) {
        add('unconfirmed', 100, 0.8, i);
        continue;
      }
      // Seventh round: "there was no word on casualties", "no word yet from the ministry": nothing said.
      if (
        n === 'word' &&
        t.normal[i - 1] === 'no' &&
        ['on', 'about', 'of', 'from', 'yet', 'as'].includes(t.normal[i + 1] ?? '')
      ) {
        add('unconfirmed', 100, 0.7, i - 1, i + 1);
        continue;
      }
      if (
        n === 'seen' &&
        ['be', 'been'].includes(t.normal[i - 1] ?? '') &&
        ['to', 'remains', 'remain'].some((w) => t.normal.slice(Math.max(from, i - 4), i).includes(w))
      ) {
        add('unconfirmed', 100, 0.75, Math.max(from, i - 3), i);
        continue;
      }
      // "to determine whether", "investigating if", "under investigation": not yet known (rule 3).
      // Sixth round: "to learn why", "could reveal whether", "to find out how": still being found out.
      if (
        (['whether', 'if'].includes(t.normal[i + 1] ?? '') && INQUIRE.has(n)) ||
        (['whether', 'if', 'why', 'how'].includes(t.normal[i + 1] ?? '') &&
          t.normal[i + 2] !== 'to' &&
          (FIND_OUT.has(n) || (n === 'out' && /^find/.test(t.normal[i - 1] ?? '')) || (INQUIRE.has(n) && n !== 'know'))) ||
        (n === 'investigation' && t.normal[i - 1] === 'under')
      ) {
        add('unconfirmed', 85, 0.7, n === 'investigation' ? i - 1 : i, n === 'investigation' ? i : i + 1);
        continue;
      }
      if (n === 'evidence' && (t.normal[i - 1] === 'no' || t.normal[i - 1] === 'without' || withheld)) {
        add('unconfirmed', 100, 0.7, i - 1, i);
        continue;
      }
      if (n === 'could' && seq(t, i + 1, ['not', 'be'])) {
        add('unconfirmed', 100, 0.8, i, i + 3);
        continue;
      }
      // "No explanation has been given", "no motive was offered": withheld, not yet known (rule 3).
      if (n === 'no') {
        let k = i + 1;
        while (k <= Math.min(to, i + 3) && !(INFO_OBJECTS.has(t.normal[k]!) || UNEXPLAINED.has(t.normal[k]!))) k += 1;
        if (k <= Math.min(to, i + 3)) {
          const given = nextWords(t, k, to, 4).find(
            (m) => GIVEN.has(t.normal[m]!) && (BE.has(t.normal[m - 1] ?? '') || BE.has(t.normal[m - 2] ?? '')),
          );
          if (given !== undefined) {
            add('unconfirmed', 100, 0.7, i, given);
            continue;
          }
        }
      }
      // denial
      // "a disputed election", "the court rejected his appeal": no claim said to be false.
      // "The cause of the crash is disputed": said to be in dispute, by no one named; not yet known (rule 3).
      if (n === 'disputed' && BE.has(t.normal[i - 1] ?? '') && t.normal[i + 1] !== 'by' && !withheld) {
        add('unconfirmed', 100, 0.7, i - 1, i);
        continue;
      }
      if (DENY.has(n) && (attributiveDispute(t, i) || deniedRequest(t, i, to))) continue;
      if (DENY.has(n)) {
        if (withheld) add('unconfirmed', 100, 0.7, withholdStart(t, from, i), i);
        else add('denial', 90, 0.85, i);
        continue;
      }
      // "pleaded not guilty", "insisted he was innocent", "I'm innocent": a party rejects the charge.
      const pleaded = n === 'guilty' && ['not', "n't"].includes(t.normal[i - 1] ?? '') && /^ple/.test(t.normal[i - 2] ?? '');
      // Not "was found to be innocent", "until proven innocent": a verdict or the law, not a party's word.
      const verdict = previousWords(t, from, i, 3).some((k) => ['found', 'proven', 'proved', 'declared'].includes(t.normal[k]!));
      if (
        pleaded ||
        (n === 'innocent' && !verdict && (BE.has(t.normal[i - 1] ?? '') || ["'m", 'am'].includes(t.normal[i - 1] ?? '')))
      ) {
        add('denial', 90, 0.7, i);
        continue;
      }
      if (FALSEHOOD.has(n) && !negated && !attributiveFalsehood(t, i)) {
        add('denial', 90, 0.7, i);
        continue;
      }
      if (INSIST.has(n) && t.pos[i] === 'VERB') {
        const not = nextWords(t, i, to, 12).find((k) => ['not', "n't", 'never', 'no'].includes(t.normal[k]!));
        if (not !== undefined) {
          add('denial', 90, 0.7, i, not);
          continue;
        }
      }
      // "that's simply not the case", "it just didn't happen"
      if (n === 'case' && t.normal[i - 1] === 'the' && ['not', "n't"].includes(t.normal[i - 2] ?? '')) {
        add('denial', 90, 0.7, i - 2, i);
        continue;
      }
      if (
        (n === 'happen' || n === 'happened') &&
        previousWords(t, from, i, 2).some((k) => ["n't", 'not', 'never'].includes(t.normal[k]!))
      ) {
        add('denial', 90, 0.7, previousWords(t, from, i, 2).at(-1)!, i);
        continue;
      }
      // Seventh round: "none of this is true", "the report is not true": said to be false (rule 2).
      const notTrue =
        n === 'true'
          ? previousWords(t, from, i, 4).find((k) => ['not', "n't", 'none', 'nothing', 'never'].includes(t.normal[k]!))
          : undefined;
      if (
        notTrue !== undefined &&
        !previousWords(t, from, i, 3).some((k) => ['if', 'whether', 'know', 'knows', 'sure'].includes(t.normal[k]!))
      ) {
        add('denial', 90, 0.7, notTrue, i);
        continue;
      }
      // 'Asked whether the plant had leaked, the company said it had not': a negative answer to the claim put.
      if (
        ['not', "n't"].includes(n) &&
        t.pos[i - 1] === 'AUX' &&
        (i === to || t.pos[i + 1] === 'PUNCT') &&
        t.normal[ranges[0]![0]] === 'asked' &&
        ['whether', 'if', 'about'].includes(t.normal[ranges[0]![0] + 1] ?? '')
      ) {
        add('denial', 90, 0.7, i - 1, i);
        continue;
      }
      if (n === 'wrong' && t.normal[i - 1] === 'simply') {
        add('denial', 90, 0.7, i - 1, i);
        continue;
      }
      if (n === 'no' && t.normal[i + 1] === 'plans') {
        add('denial', 90, 0.7, i, i + 1);
        continue;
      }
      // estimate on a number: approximators, projections and modals next to a figure
      if (
        APPROX.has(n) &&
        t.pos[i] !== 'VERB' &&
        nextNumber(t, i + 1, to) !== undefined &&
        !timeAgo(t, nextNumber(t, i + 1, to)!)
      ) {
        add('estimate', 80, 0.85, i, nextNumber(t, i + 1, to)!);
        continue;
      }
      const two = APPROX_2_WORDS.find((words) => seq(t, i, words));
      if (two) {
        const len = two.length;
        const num = nextNumber(t, i + len, to);
        if (num !== undefined && !timeAgo(t, num)) {
          add('estimate', 80, 0.85, i, num);
          i = num;
          continue;
        }
      }
      if (n === 'an' && t.normal[i + 1] === 'estimated') {
        add('estimate', 80, 0.85, i, i + 1);
        i += 1;
        continue;
      }
      // "107 or more", "51±19 %": a figure given as a bound or with its margin.
      if ((n === 'or' && ['more', 'so'].includes(t.normal[i + 1] ?? '') && isNumber(t, i - 1)) || n === '±') {
        add('estimate', 80, 0.75, n === '±' ? i : i - 1, n === '±' ? i : i + 1);
        continue;
      }
      // "is set to spend two nights": a plan, not yet done (rule 5). Not every "will": on the dev
      // split it marked more statements of intent on the record than forecasts.
      if (n === 'set' && t.normal[i + 1] === 'to' && ['is', 'are', 'was', 'were'].includes(t.normal[i - 1] ?? '')) {
        add('estimate', 50, 0.55, i, i + 1);
        continue;
      }
      // Not "May 31", "in May 2001": the month.
      if (
        MODAL.has(n) &&
        !(t.value[i] === 'May' && t.pos[i] !== 'AUX') &&
        nextNumber(t, i + 1, Math.min(to, i + 5)) !== undefined
      ) {
        add('estimate', 80, 0.7, i, i + 1);
        continue;
      }
      // "will probably collapse": a forecast given as likely, as "is likely to" is (rule 5).
      if (n === 'probably' && [t.normal[i - 1], t.normal[i + 1]].some((w) => w === 'will' || w === "'ll")) {
        add('estimate', 50, 0.6, i, i);
        continue;
      }
      if (
        (PROJECTION.has(n) || (AIM.has(n) && t.normal[i + 1] === 'to' && t.pos[i] === 'VERB' && t.pos[i + 2] === 'VERB')) &&
        !(n === 'plans' && t.pos[i] === 'NOUN' && ['in', 'of', 'the', 'for'].includes(t.normal[i - 1] ?? '')) &&
        // "reportedly plans to", "is rumoured to be planning": a plan nobody gives as theirs is hearsay
        // (the guide's rule 5 sends it on to rule 6), which the hearsay word marks.
        !(PLAN_WORDS.has(n) && previousWords(t, from, i, 4).some((k) => WEAK_UNCONFIRMED.has(t.normal[k]!))) &&
        // "its arms sales plans", "detailed plans developed months ago": a plan named as a thing is
        // no projection; "plans to build" and "the council plans a ..." are.
        !(
          (n === 'plans' || n === 'plan') &&
          t.normal[i + 1] !== 'to' &&
          !(t.pos[i] === 'VERB' && ['NOUN', 'PROPN', 'PRON'].includes(t.pos[i - 1] ?? ''))
        )
      ) {
        const to2 = t.normal[i + 1] === 'to' ? i + 1 : i;
        add('estimate', 50, 0.65, i, to2);
        continue;
      }
      // "due to arrive": a schedule; "due to suffering from cancer": a cause.
      if (n === 'due' && t.normal[i + 1] === 'to' && t.pos[i + 2] === 'VERB' && !/ing$/.test(t.normal[i + 2] ?? '')) {
        add('estimate', 50, 0.6, i, i + 1);
        continue;
      }
      // opinion
      // "few if any", "to determine if": not a condition.
      if (n === 'if' && (t.normal[i + 1] === 'any' || t.pos[i - 1] === 'VERB')) continue;
      if (n === 'if' && (i === from || t.value[i - 1] === ',' || isQuote(t.value[i - 1]!) || t.pos[i] === 'SCONJ')) {
        add('opinion', 0, 0.7, i, Math.min(i + 2, to)); // rank set below
        continue;
      }
      // Seventh round: "Had they listened, ... would", "Were the dam to fail, ...": a condition by
      // inversion, at the clause's or the quotation's start, with a comma before the main clause.
      if (
        (n === 'had' || n === 'were') &&
        (i === from || isQuote(t.value[i - 1]!)) &&
        ['PRON', 'DET', 'NOUN', 'PROPN'].includes(t.pos[i + 1] ?? '') &&
        t.value.slice(i + 3, Math.min(to, i + 10) + 1).includes(',')
      ) {
        add('opinion', 0, 0.7, i, Math.min(i + 2, to)); // rank set below
        continue;
      }
      // "artifacts which may lead to ...": a guess inside a relative clause is not the claim's.
      const relative = ['which', 'that', 'who'].includes(t.normal[i - 1] ?? '');
      if (relative && (n === 'may' || CONDITIONAL_MODAL.has(n))) continue;
      if (n === 'may' && t.pos[i] === 'AUX' && !negatedModal(t, from, i)) {
        add('opinion', 55, 0.55, i, Math.min(i + 1, to));
        continue;
      }
      if (CONDITIONAL_MODAL.has(n)) {
        hasConditionalModal = true;
        // "could be from MH370", "may have died": a guess (rule 4); "would" needs its "if". Not
        // "could be heard / seen" (what was perceived) nor "could not" (what was not possible).
        const perceived =
          (t.normal[i + 1] === 'be' && PERCEIVED.has(t.normal[i + 2] ?? '')) ||
          t.normal[i + 1] === 'not' ||
          t.normal[i + 1] === "n't";
        if (n !== 'would' && t.pos[i] === 'AUX' && !negatedModal(t, from, i) && !perceived)
          add('opinion', 55, 0.55, i, Math.min(i + 1, to));
        continue;
      }
      if (NORMATIVE.has(n)) {
        add('opinion', 60, 0.6, i);
        continue;
      }
      // Seventh round: "the verdict was a blow to the government", "would be a mistake", "is a victory
      // for free speech": what an event means for someone, a reading (rule 4).
      if (
        READING_NOUNS.has(n) &&
        (n === 'mistake' || ['to', 'for'].includes(t.normal[i + 1] ?? '')) &&
        previousWords(t, from, i, 4).some((k) => ['a', 'an'].includes(t.normal[k]!)) &&
        previousWords(t, from, i, 5).some((k) => BE.has(t.normal[k]!))
      ) {
        add('opinion', 60, 0.65, i);
        continue;
      }
      if (n === 'sign' && t.normal[i + 1] === 'of') {
        add('opinion', 60, 0.75, i - 1 >= from && t.pos[i - 1] === 'DET' ? i - 1 : i, i + 1);
        continue;
      }
      // "is illegal in the UK", "made abortion illegal": a legal status stated, not a characterisation.
      if (
        (n === 'illegal' || n === 'unconstitutional') &&
        (previousWords(t, from, i, 4).some((k) => VERDICT.has(t.normal[k]!)) ||
          (BE.has(t.normal[i - 1] ?? '') && LAW_SCOPE.has(t.normal[i + 1] ?? '')) ||
          t.normal[i - 1] === 'constitutionally' ||
          previousWords(t, from, i, 4, true).some((k) => /^mak(e|es|ing)$|^made$/.test(t.normal[k]!)))
      )
        continue;
      // "a serious accident", "in serious condition", "serious head injuries": a grade of harm, as a
      // hospital or an inquiry gives it, not a judgement.
      if (n === 'serious' && nextWords(t, i, to, 4).some((k) => HARM.has(t.normal[k]!))) continue;
      // "his great uncle", "a great deal of", "the award for best album": kinship, a quantity, a prize's name.
      if (n === 'great' && NOT_GREAT.has(t.normal[i + 1] ?? '')) continue;
      if (n === 'best' && ['for', 'won', 'win', 'wins', 'winning'].includes(t.normal[i - 1] ?? '')) continue;
      if (EVALUATIVE.has(n) && t.pos[i] !== 'PROPN') {
        add('opinion', 60, t.pos[i] === 'ADJ' ? 0.7 : 0.6, i);
        continue;
      }
      // wink may tag "doubt" after a plural subject a noun ("economists doubt the plan"): a verb there.
      const doubtVerb =
        /^doubts?$/.test(n) &&
        ['NOUN', 'PROPN', 'PRON'].includes(t.pos[i - 1] ?? '') &&
        ['DET', 'PRON', 'SCONJ'].includes(t.pos[i + 1] ?? '');
      if (STANCE_VERBS.has(n) && (t.pos[i] === 'VERB' || doubtVerb) && t.normal[i + 1] !== 'to') {
        // "Investigators believe the fire began in the kitchen": those whose work it is judge a fact
        // from what they found, an assessment (the guide: a finding from the evidence is an estimate).
        if (BELIEVE.has(n) && FINDING_HOLDERS(t.normal[i - 1] ?? '')) add('estimate', 50, 0.55, i);
        else add('opinion', 60, 0.6, i);
        continue;
      }
      // "He is convinced the tomb is nearby": a belief of one's own (rule 4).
      if (n === 'convinced' && (BE.has(t.normal[i - 1] ?? '') || /^remains?$/.test(t.normal[i - 1] ?? ''))) {
        add('opinion', 60, 0.6, i - 1, i);
        continue;
      }
      if (FEELINGS.has(n) && ['expressed', 'expresses', 'express', 'voiced', 'voices'].includes(t.normal[i - 1] ?? '')) {
        add('opinion', 60, 0.65, i - 1, i);
        continue;
      }
      // "the most effective", "so happy", "too slow": a degree is a judgement.
      if ((n === 'most' || n === 'so' || n === 'too') && t.pos[i + 1] === 'ADJ') {
        add('opinion', 60, 0.55, i, i + 1);
        i += 1;
        continue;
      }
      if (n === 'very' && t.pos[i + 1] === 'ADJ') {
        add('opinion', 60, 0.55, i, i + 1);
        i += 1;
        continue;
      }
      // "described Iran as the 'beating heart' of ...": a characterisation (rule 4).
      if (/^describ(e|es|ed|ing)$/.test(n) && nextWords(t, i, to, 8).some((k) => t.normal[k] === 'as')) {
        add('opinion', 60, 0.65, i);
        continue;
      }
      // "dubbed the conflict 'Project X'", "branded them traitors", "labelled the rebels as 'rats'",
      // "is seen as an outreach", "is widely regarded as": a characterisation or a reading (rule 4).
      if (CHARACTERISE.has(n) && t.pos[i] !== 'NOUN' && !['by', 'with'].includes(t.normal[i + 1] ?? '')) {
        add('opinion', 60, 0.65, i);
        continue;
      }
      // "Observers see the operation as a test", "they regard him as a traitor": a reading (rule 4).
      // wink reads "fans regard the coach" as three nouns: between a subject and its object it is the verb.
      if (
        READ_ACTIVE.has(n) &&
        (t.pos[i] === 'VERB' ||
          (['NOUN', 'PROPN', 'PRON'].includes(t.pos[i - 1] ?? '') && ['DET', 'PRON', 'PROPN'].includes(t.pos[i + 1] ?? '')))
      ) {
        const as = nextWords(t, i, to, 7).find((k) => t.normal[k] === 'as');
        if (as !== undefined && as > i + 1 && !NOT_AS.has(t.normal[as + 1] ?? '') && !seq(t, as + 1, ['a', 'result'])) {
          add('opinion', 60, 0.6, i);
          continue;
        }
      }
      if (READ_AS.has(n) && t.normal[i + 1] === 'as' && (BE.has(t.normal[i - 1] ?? '') || BE.has(t.normal[i - 2] ?? ''))) {
        add('opinion', 60, 0.6, i, i + 1);
        continue;
      }
      // "theorized that", "speculated": a guess; "was critical of": a judgement.
      if (GUESS_VERBS.has(n) || (n === 'critical' && t.normal[i + 1] === 'of')) {
        add('opinion', 60, 0.6, i);
        continue;
      }
      // "We need to make sure ...": what ought to be done.
      if ((n === 'need' || n === 'needs') && t.normal[i + 1] === 'to' && t.pos[i] !== 'NOUN') {
        add('opinion', 60, 0.55, i, i + 1);
        continue;
      }
      if ((n === 'implies' || n === 'implied' || n === 'imply') && t.pos[i] === 'VERB') {
        add('opinion', 60, 0.6, i);
        continue;
      }
      if (EVALUATIVE_2.has(n) && t.pos[i] !== 'PROPN') {
        add('opinion', 60, 0.6, i);
        continue;
      }
      if (
        n === 'called' &&
        t.pos[i] === 'VERB' &&
        [1, 2, 3, 4].some((k) => isQuote(t.value[i + k] ?? '')) &&
        !(['on', 'for', 'upon'].includes(t.normal[i + 1] ?? '') || BE.has(t.normal[i - 1] ?? ''))
      ) {
        add('opinion', 60, 0.7, i);
        continue;
      }
      // weak unconfirmed: reportedly, claimed, alleged; "X reported that"
      // wink reads "authorities claim" as two nouns: after a subject, "claim" is the verb.
      const verbAfterSubject = t.pos[i] === 'NOUN' && ['NOUN', 'PROPN', 'PRON'].includes(t.pos[i - 1] ?? '');
      if ((n === 'apparently' || n === 'ostensibly' || n === 'supposedly') && t.pos[i] === 'ADV') {
        add('unconfirmed', 40, 0.55, i);
        continue;
      }
      if (WEAK_UNCONFIRMED.has(n) && ((t.pos[i] !== 'ADJ' && t.pos[i] !== 'NOUN') || verbAfterSubject)) {
        add('unconfirmed', 40, 0.6, i);
        continue;
      }
      if (HEARSAY_ADJ.has(n) && (t.pos[i] === 'ADJ' || t.pos[i] === 'VERB') && !hedgedObject(t, from, i)) {
        add('unconfirmed', 40, 0.6, i);
        continue;
      }
      // "Rathbun asserted that ...", "critics contend": a claim put forward, not shown (rule 6).
      if (
        ASSERT.has(n) &&
        t.pos[i] === 'VERB' &&
        (!n.startsWith('maintain') || t.normal[i + 1] === 'that') &&
        !(t.normal[i - 1] === 'to' && t.normal[i + 1] !== 'that')
      ) {
        add('unconfirmed', 40, 0.55, i);
        continue;
      }
      if (ACCUSE.has(n) && t.pos[i] === 'VERB') {
        add('unconfirmed', 40, 0.65, i);
        continue;
      }
      // Seventh round: "the rebels charged that ...": an accusation; "rumours that ...": hearsay (rule 6).
      if ((n === 'charged' || n === 'charge' || n === 'charges' || RUMOURS.has(n)) && t.normal[i + 1] === 'that') {
        add('unconfirmed', 40, 0.6, i, i + 1);
        continue;
      }
      if (
        (n === 'believed' || n === 'said' || n === 'thought' || n === 'understood' || HEDGE_PARTICIPLES.has(n)) &&
        t.normal[i + 1] === 'to' &&
        ['is', 'are', 'was', 'were', 'be', 'been'].includes(t.normal[i - 1] ?? '')
      ) {
        add('unconfirmed', 40, 0.65, i - 1, i + 1);
        continue;
      }
      // "The court was told ...", "Wikinews has been informed that ...", "the jury heard": somebody the
      // clause does not name told it (rule 6). Not "was told to leave": an order.
      if (
        (((n === 'told' || n === 'informed' || n === 'advised') &&
          previousWords(t, from, i, 2).some((k) => BE.has(t.normal[k]!))) ||
          (n === 'heard' && previousWords(t, from, i, 2).some((k) => COURT_WORDS.has(t.normal[k]!)))) &&
        t.normal[i + 1] !== 'to'
      ) {
        add('unconfirmed', 40, 0.55, previousWords(t, from, i, 2).at(-1)!, i);
        continue;
      }
      // "Debris believed to be part of an aircraft": nobody named believes it.
      if (n === 'believed' && t.normal[i + 1] === 'to' && t.pos[i - 1] !== 'PRON') {
        add('unconfirmed', 40, 0.6, i, i + 1);
        continue;
      }
      // "it is believed", "it is now reported", "it is understood that"
      if (
        ['believed', 'reported', 'thought', 'understood', 'rumoured', 'rumored'].includes(n) &&
        previousWords(t, from, i, 3).some((k) => t.normal[k] === 'it') &&
        previousWords(t, from, i, 2).some((k) => ['is', 'was', 'has', 'been'].includes(t.normal[k]!))
      ) {
        add(
          'unconfirmed',
          40,
          0.65,
          previousWords(t, from, i, 3).find((k) => t.normal[k] === 'it')!,
          i,
        );
        continue;
      }
      // "New information suggests ...", "according to reports"
      if (
        (n === 'suggests' || n === 'suggested') &&
        t.pos[i] === 'VERB' &&
        t.normal[i - 1] !== 'he' &&
        t.normal[i - 1] !== 'she'
      ) {
        add('unconfirmed', 40, 0.55, i);
        continue;
      }
      // "aware of reports of incidents", "investigating the reports": reports nobody has checked yet.
      // "Reports from the islands indicate ...", "Early reports said ...": reports as the subject.
      if (
        (n === 'reports' || n === 'accounts') &&
        i - from <= 2 &&
        t.normal.slice(from, i).every((w, k) => ['DET', 'ADJ'].includes(t.pos[from + k]!) || w === 'initial' || w === 'early')
      ) {
        add('unconfirmed', 40, 0.6, from, i);
        continue;
      }
      if (n === 'reports' && t.pos[i] === 'NOUN' && ['of', 'the', 'aware'].includes(t.normal[i - 1] ?? '')) {
        add('unconfirmed', 40, 0.55, i - 1, i);
        continue;
      }
      if (n === 'reports' && t.normal[i - 1] === 'to' && t.normal[i - 2] === 'according') {
        add('unconfirmed', 40, 0.65, i - 2, i);
        continue;
      }
      if (n === 'reported' && t.pos[i] === 'VERB' && t.normal[i + 1] === 'that') {
        add('unconfirmed', 40, 0.55, i);
        continue;
      }
      // "according to Rathbun": one party's account (rule 6/8), not an outlet's or an institution's.
      if (n === 'according' && t.normal[i + 1] === 'to' && source.kind === 'party' && !accordingToMeasure(t, i)) {
        add('unconfirmed', 40, 0.55, i, i + 1);
        continue;
      }
      // confirmed
      if (CONFIRM.has(n)) {
        add('confirmed', 20, 0.85, i);
        continue;
      }
      if (n === 'know' && t.normal[i - 1] === 'we') {
        add('confirmed', 20, 0.8, i - 1, i);
        continue;
      }
      if (SHOW.has(n) && RECORD.has(t.normal[i - 1] ?? '')) {
        add('confirmed', 20, 0.8, i - 1, i);
        continue;
      }
      if (ANNOUNCE.has(n)) {
        add('confirmed', 20, 0.7, i);
        continue;
      }
    }
  }
  // A party's own statement in the negative ("we did not hide anything", "she was never forced"):
  // what it says did not happen (rule 2), when nothing else marks the clause.
  if (rules.length === 0 && accusationNear && source !== OUTLET && source.kind !== 'outlet') {
    const [from, to] = ranges[0]!;
    for (let i = from; i <= to; i += 1)
      if (
        ['not', "n't", 'never'].includes(t.normal[i]!) &&
        (t.pos[i + 1] === 'VERB' || t.pos[i - 1] === 'AUX' || t.pos[i + 1] === 'ADV' || t.normal[i - 1] === 'but') &&
        // Sixth round: "he would not return to politics", "we cannot afford it": an intention or an
        // ability, not a claim said to be false.
        !INTENT_MODALS.has(t.normal[i - 1] ?? '')
      ) {
        add('denial', 90, 0.5, i);
        break;
      }
  }
  // A conditional: "if ..." with "would/could/might" is opinion, outranking projections.
  for (const r of rules) if (r.label === 'opinion' && r.rank === 0) r.rank = hasConditionalModal ? 60 : 10;
  // An exact-looking figure from an intelligence briefing is still somebody's assessment.
  if (intelligenceSource(source) && hasNumber >= 0) add('estimate', 80, 0.7, hasNumber);
  return rules.filter((r) => r.rank > 0);
}

/**
 * The indexes of up to `n` word tokens before `i` (skipping line breaks), nearest first; with
 * `stopAtPunctuation`, none before a comma, a quote or other punctuation.
 */
function previousWords(t: Toks, from: number, i: number, n: number, stopAtPunctuation = false): number[] {
  const found: number[] = [];
  for (let k = i - 1; k >= from && found.length < n; k -= 1) {
    if (/^\s+$/.test(t.value[k]!)) continue;
    if (stopAtPunctuation && t.pos[k] === 'PUNCT') break;
    found.push(k);
  }
  return found;
}

/** The indexes of up to `n` word tokens after `i`, up to punctuation. */
function nextWords(t: Toks, i: number, to: number, n: number): number[] {
  const found: number[] = [];
  for (let k = i + 1; k <= to && found.length < n; k += 1) {
    if (/^\s+$/.test(t.value[k]!)) continue;
    if (t.pos[k] === 'PUNCT') break;
    found.push(k);
  }
  return found;
}

/** Where a withheld confirmation's cue starts: its farthest withholding word, with its auxiliaries. */
function withholdStart(t: Toks, from: number, i: number): number {
  const words = previousWords(t, from, i, 5, true).filter((k) => WITHHOLD.has(t.normal[k]!));
  let k = words.at(-1) ?? i;
  while (k - 1 >= from && ['AUX', 'PART'].includes(t.pos[k - 1]!)) k -= 1;
  return k;
}

/**
 * "more than 45 years ago", "just over five years ago": when something happened, not a quantity
 * given as approximate. (A year after an approximator, "around 1946", was tried too: dropped.)
 */
/** "who asked not to be named", "declined to be identified": the speaker's anonymity, not news withheld. */
function anonymityRequest(t: Toks, i: number): boolean {
  if (t.normal[i - 1] !== 'be' || t.normal[i - 2] !== 'to') return false;
  const asker = t.normal[i - 3] === 'not' ? t.normal[i - 4] : t.normal[i - 3];
  return ANONYMITY_REQUEST.has(asker ?? '');
}

/**
 * "nobody could say", "it may not": a negation on the modal itself. Not wink's negation scope, which
 * runs on to the sentence's end: "an official who asked not to be named said the toll could rise".
 */
function negatedModal(t: Toks, from: number, i: number): boolean {
  return previousWords(t, from, i, 3).some((k) => NEGATORS.has(t.normal[k]!)) || NEGATORS.has(t.normal[i + 1] ?? '');
}

function timeAgo(t: Toks, number: number): boolean {
  return UNITS.has((t.normal[number + 1] ?? '').replace(/s$/, '')) && t.normal[number + 2] === 'ago';
}

function nextNumber(t: Toks, from: number, to: number): number | undefined {
  for (let i = from; i <= to && i <= from + 2; i += 1) {
    if (isNumber(t, i)) {
      let e = i;
      while (e + 1 <= to && isNumber(t, e + 1)) e += 1;
      return e;
    }
    // "about an hour later", "around a week": a unit counted once is a figure too.
    if ((t.normal[i] === 'a' || t.normal[i] === 'an') && UNITS.has(t.normal[i + 1] ?? '')) return i + 1;
    // "at least US$95 million", "over A$2 billion": a currency written before the figure.
    if (/^[A-Z]{0,3}[£$€¥]$/.test(t.value[i]!)) continue;
    if (/^[A-Z]{1,3}$/.test(t.value[i]!) && /^[£$€¥]$/.test(t.value[i + 1] ?? '')) continue;
    if (!(t.pos[i] === 'SYM' || t.pos[i] === 'DET' || /^[£$€¥]$/.test(t.value[i]!))) return undefined;
  }
  return undefined;
}
