/**
 * The guide's labels, rules and sources on the common forms of news writing
 * (docs/labelling-guide.md). Every sentence is made up for this file, in the style of wire reports;
 * none comes from corpus/. A case is checked with the rules alone (`rules`: a cue decides it), with the
 * full analyser (`full`: no cue word decides it, so the classifier does), or both (`both`: the guide's
 * hard cases, which must hold either way). The label of a sentence is that of the suggestions
 * overlapping it, taken in the order `npm run eval:suggest` scores a unit by (denial, unconfirmed,
 * opinion, estimate, confirmed: the guide's order, except that a second-hand unconfirmed, rule 6, also
 * goes before an estimate); `none` when no suggestion overlaps it.
 */
import { describe, expect, it } from 'vitest';
import type { Label, SourceKind } from '../../shared/pack/vocabulary';
import { suggestClaims, type Suggestion } from './analyse';

type Mode = 'rules' | 'full' | 'both';
interface Case {
  /** The sentence checked. */
  s: string;
  /** The label the guide gives it (`none`: background, no suggestion). */
  label?: Label | 'none';
  /** The source's name contains this (case-insensitive); `outlet` for the outlet's own voice. */
  src?: string;
  kind?: SourceKind;
  /** The whole chain, each link containing the name given, the outlet last. */
  chain?: string[];
  mode?: Mode;
  /** Sentences of the same paragraph before it. */
  before?: string;
  /** A gap the analyser still has, and why it is left: the case is expected to fail (`it.fails`). */
  known?: string;
}

const BACKGROUND =
  'a fact of the world told as background: no word form tells it from narration; the classifier reads it from its paragraph (old years, nobody speaking), which one sentence alone does not have';

/** Which overlapping suggestion decides a sentence's label: the precedence `corpus.ts` scores the corpus by. */
const ORDER: (Label | 'none')[] = ['denial', 'unconfirmed', 'opinion', 'estimate', 'confirmed'];

function analyse(c: Case, rulesAlone: boolean): { label: Label | 'none'; top?: Suggestion | undefined } {
  const text = c.before ? `${c.before} ${c.s}` : c.s;
  const from = text.length - c.s.length;
  const all = suggestClaims(text, rulesAlone ? { classifier: null } : {}).filter((x) => x.end > from);
  if (all.length === 0) return { label: 'none' };
  const label = ORDER.find((l) => all.some((x) => x.label === l)) as Label;
  return { label, top: all.find((x) => x.label === label) };
}

const same = (got: string, want: string) =>
  got.toLowerCase().includes(want.toLowerCase()) || want.toLowerCase().includes(got.toLowerCase());

function check(c: Case, rulesAlone: boolean) {
  const { label, top } = analyse(c, rulesAlone);
  if (c.label) expect(label, 'label').toBe(c.label);
  if (c.src || c.kind || c.chain) {
    // the source of the suggestion that decides the label (or of the first one)
    const s = top ?? suggestClaims(c.s, rulesAlone ? { classifier: null } : {})[0];
    expect(s, 'a suggestion').toBeDefined();
    if (c.src) expect(s?.source?.name ?? '(none)', 'source').toSatisfy((n: string) => same(n, c.src as string));
    if (c.kind) expect(s?.source?.kind, 'kind').toBe(c.kind);
    if (c.chain) {
      const chain = s?.chain ?? [];
      expect(chain.length, `chain ${JSON.stringify(chain)}`).toBe(c.chain.length);
      c.chain.forEach((want, i) => expect(chain[i] ?? '', `link ${i + 1}`).toSatisfy((n: string) => same(n, want)));
    }
  }
}

function run(title: string, cases: Case[], mode: Mode = 'rules') {
  describe(title, () => {
    for (const c of cases) {
      const m = c.mode ?? mode;
      const test = c.known ? it.fails : it;
      if (m === 'rules' || m === 'both') test(`rules: ${c.s}`, () => check(c, true));
      if (m === 'full' || m === 'both') test(`full: ${c.s}`, () => check(c, false));
    }
  });
}

run('rule 2: a party says the claim is false (denial)', [
  { s: 'The ministry denied that its troops had crossed the border.', label: 'denial', src: 'ministry', kind: 'institution' },
  { s: 'The company has rejected claims that it knew about the leak.', label: 'denial', src: 'company' },
  { s: '"That is completely untrue," the club said in a statement.', label: 'denial', src: 'club' },
  { s: 'The governor dismissed the allegations as false.', label: 'denial' },
  { s: 'Police denied using tear gas on the protesters.', label: 'denial', src: 'police' },
  { s: 'The embassy flatly denied the report on Tuesday.', label: 'denial', src: 'embassy' },
  { s: 'Moscow rejected the accusations, calling them baseless.', label: 'denial', src: 'Moscow', kind: 'party' },
  { s: 'A spokesman for the airline denied that any passengers had been hurt.', label: 'denial', kind: 'institution' },
  { s: 'The minister refuted the figures published by the opposition.', label: 'denial' },
  { s: 'Both men have denied the charges against them.', label: 'denial' },
  { s: 'The army denies its soldiers fired on civilians.', label: 'denial', src: 'army' },
  { s: 'Officials dismissed the reports as "pure fiction".', label: 'denial' },
  { s: 'The allegations were denied by the mining company.', label: 'denial' },
  { s: 'The club said the story was false and that no offer had been made.', label: 'denial', src: 'club' },
  {
    s: 'The company said it had never hidden anything from inspectors.',
    before: 'The union accused the company of hiding the accident.',
    label: 'denial',
    src: 'company',
  },
]);

run('rule 3: a confirmation withheld, or the thing unknown (unconfirmed)', [
  { s: 'The health ministry has not confirmed the number of deaths.', label: 'unconfirmed', src: 'ministry' },
  { s: 'Police declined to comment on the arrests.', label: 'unconfirmed', src: 'police' },
  { s: 'It is not clear who fired the first shot.', label: 'unconfirmed' },
  { s: 'It remains unclear whether the talks will resume.', label: 'unconfirmed' },
  { s: 'The identity of the gunman is not yet known.', label: 'unconfirmed' },
  { s: 'Reuters could not independently verify the video.', label: 'unconfirmed' },
  { s: 'The cause of the blast was not immediately known.', label: 'unconfirmed' },
  { s: 'The White House did not respond to a request for comment.', label: 'unconfirmed' },
  { s: 'Officials have yet to say how many people were on board.', label: 'unconfirmed' },
  { s: 'The company would not say whether any staff had been dismissed.', label: 'unconfirmed' },
  { s: 'How the fire started is still under investigation.', label: 'unconfirmed' },
  { s: 'There was no word on casualties.', label: 'unconfirmed' },
  { s: 'Authorities gave no details about the suspect.', label: 'unconfirmed' },
  { s: 'What caused the crash is not known.', label: 'unconfirmed' },
  { s: 'Nobody knows how many people are still missing.', label: 'unconfirmed' },
]);

run('rule 6: hearsay and reports at second hand (unconfirmed)', [
  { s: 'The singer reportedly paid $2 million for the house.', label: 'unconfirmed' },
  { s: 'The suspect is believed to have fled the country.', label: 'unconfirmed' },
  { s: 'The general is said to be in poor health.', label: 'unconfirmed' },
  { s: 'According to reports, the two leaders met in secret last month.', label: 'unconfirmed' },
  { s: 'The striker is understood to have agreed a new contract.', label: 'unconfirmed' },
  { s: 'There were rumours that the president had been taken to hospital.', label: 'unconfirmed' },
  { s: 'The gunman allegedly shouted slogans before opening fire.', label: 'unconfirmed' },
  { s: 'The plane was apparently trying to land in fog.', label: 'unconfirmed' },
  { s: 'It is rumoured that the chairman will step down.', label: 'unconfirmed' },
  { s: 'The hackers are thought to be based abroad.', label: 'unconfirmed' },
  { s: 'The couple are said to have married in secret.', label: 'unconfirmed' },
  { s: 'Unverified footage posted online appeared to show tanks entering the town.', label: 'unconfirmed' },
  // rule 5 comes before rule 6: an approximate figure in hearsay is an estimate
  { s: 'Some 200 people are thought to have been trapped.', label: 'estimate' },
]);

run('rule 6: an accusation against another party (unconfirmed)', [
  { s: 'The opposition accused the government of rigging the vote.', label: 'unconfirmed', src: 'opposition' },
  { s: 'Activists blamed the police for the deaths.', label: 'unconfirmed', src: 'activists' },
  { s: 'Prosecutors allege that the former minister took bribes.', label: 'unconfirmed', src: 'prosecutors' },
  { s: 'The lawsuit claims the firm ignored safety warnings.', label: 'unconfirmed' },
  { s: 'Kyiv said Russian forces had shelled the hospital.', label: 'unconfirmed', src: 'Kyiv', kind: 'party' },
  { s: 'The rebels charged that government aircraft had bombed a market.', label: 'unconfirmed', src: 'rebels' },
  { s: 'Neighbours alleged that the landlord had ignored repeated complaints.', label: 'unconfirmed' },
  { s: 'The United States has accused Iran of supplying drones to Russia.', label: 'unconfirmed', src: 'United States' },
  { s: 'Protesters said police had beaten them with batons.', label: 'unconfirmed', src: 'protesters' },
  { s: 'The mayor was accused of taking bribes from developers.', label: 'unconfirmed' },
  { s: 'Villagers blame the mine for polluting the river.', label: 'unconfirmed', src: 'villagers' },
]);

run('rule 5: approximate figures, forecasts, plans and assessments (estimate)', [
  { s: 'About 3,000 people attended the rally.', label: 'estimate' },
  { s: 'Some 40 homes were destroyed, officials said.', label: 'estimate', src: 'officials', kind: 'anonymous-official' },
  { s: 'At least 12 people were killed in the blast.', label: 'estimate' },
  { s: 'Up to 500 jobs could go.', label: 'estimate' },
  { s: 'The economy is expected to grow by 2% next year.', label: 'estimate' },
  { s: 'The new bridge is scheduled to open in March.', label: 'estimate' },
  { s: 'The company plans to cut 1,200 jobs.', label: 'estimate' },
  { s: 'The storm is forecast to reach the coast on Thursday.', label: 'estimate' },
  { s: 'Nearly two thousand troops were deployed.', label: 'estimate' },
  { s: 'More than a dozen ships were damaged.', label: 'estimate' },
  { s: 'Damage is estimated at $4 billion.', label: 'estimate' },
  { s: 'Around forty people were hurt.', label: 'estimate' },
  { s: 'Roughly half of the voters stayed at home.', label: 'estimate' },
  { s: 'The government intends to hold the vote in June.', label: 'estimate' },
  { s: 'Prices are projected to rise by a further 3 percent.', label: 'estimate' },
  { s: 'Economists expect inflation to ease later this year.', label: 'estimate', src: 'economists', kind: 'expert' },
]);

run('rule 5: an intelligence figure is an estimate, however exact', [
  {
    s: 'US intelligence officials said 300 fighters had crossed the border.',
    label: 'estimate',
    kind: 'anonymous-official',
    mode: 'both',
  },
  {
    s: "Britain's defence intelligence said in its daily update that Russia had lost 40 tanks.",
    label: 'estimate',
    kind: 'intelligence-agency',
    mode: 'both',
  },
  {
    s: 'The spy agency said 1,500 soldiers had been sent to the front.',
    label: 'estimate',
    kind: 'intelligence-agency',
    mode: 'both',
  },
  {
    s: 'According to the intelligence service, 212 missiles were fired in May.',
    label: 'estimate',
    kind: 'intelligence-agency',
    mode: 'both',
  },
]);

run('rule 4: evaluations, characterisations, guesses, "if ... would", what ought to be (opinion)', [
  { s: '"This is a disgraceful decision," the union leader said.', label: 'opinion' },
  { s: 'Critics called the plan reckless.', label: 'opinion' },
  { s: 'The minister described the attack as cowardly.', label: 'opinion' },
  { s: 'If the talks fail, the strike would paralyse the ports.', label: 'opinion', mode: 'both' },
  { s: 'The result is a sign of growing anger among voters.', label: 'opinion' },
  { s: '"The government must act now," she said.', label: 'opinion' },
  { s: 'The move could signal a shift in policy, analysts said.', label: 'opinion' },
  { s: 'He said the war was illegal.', label: 'opinion' },
  { s: 'The opposition leader praised the decision as brave.', label: 'opinion' },
  { s: '"It was a terrible mistake," the coach admitted.', label: 'opinion' },
  { s: 'The decision was widely criticised as unfair.', label: 'opinion' },
  {
    s: 'Experts believe the virus may have spread for weeks before it was detected.',
    label: 'opinion',
    src: 'experts',
    kind: 'expert',
  },
  { s: 'Had the warnings been heeded, the disaster might have been avoided.', label: 'opinion' },
  { s: 'Schools should stay open, the report argued.', label: 'opinion' },
  { s: '"The response was chaotic and slow," said one resident.', label: 'opinion' },
  { s: 'The ruling was a huge victory for free speech, campaigners said.', label: 'opinion' },
]);

run('rule 7: stated as established (confirmed)', [
  {
    s: 'The fire service confirmed that two people had died.',
    label: 'confirmed',
    src: 'fire service',
    kind: 'institution',
    mode: 'both',
  },
  { s: 'The company said it had recalled 40,000 cars.', label: 'confirmed', src: 'company', mode: 'both' },
  { s: 'Police said 14 people were arrested on Saturday.', label: 'confirmed', src: 'police', kind: 'institution', mode: 'both' },
  { s: 'The health ministry reported 87 new cases on Monday.', label: 'confirmed', src: 'ministry', mode: 'both' },
  { s: '"We have closed the plant and sent everyone home," the manager told reporters.', label: 'confirmed', mode: 'both' },
  { s: 'The airline announced that it had cancelled 300 flights.', label: 'confirmed', src: 'airline' },
  { s: 'Records show the building passed its last inspection in 2019.', label: 'confirmed' },
  { s: 'The army said it had withdrawn its troops from the town.', label: 'confirmed', src: 'army', mode: 'both' },
  {
    s: 'Officials confirmed that twenty-three bodies had been recovered.',
    label: 'confirmed',
    kind: 'anonymous-official',
    mode: 'both',
  },
  { s: 'The Electoral Commission said turnout was 61.4 percent.', label: 'confirmed', mode: 'both' },
  { s: 'Twelve people were killed, according to the health ministry.', label: 'confirmed', src: 'ministry', mode: 'both' },
  { s: 'Two men were arrested, police said.', label: 'confirmed', src: 'police', mode: 'both' },
  { s: 'The club said: "We know that thousands of fans were turned away."', label: 'confirmed', mode: 'both' },
  { s: 'The rebels said they had captured the airport.', label: 'confirmed', src: 'rebels', kind: 'party', mode: 'both' },
  { s: 'Hamas said its fighters had destroyed two vehicles.', label: 'confirmed', src: 'Hamas', kind: 'party', mode: 'both' },
]);

run(
  "rule 7: the outlet's own narration of the news (confirmed)",
  [
    { s: 'The council voted 7 to 2 on Monday to close the library.', label: 'confirmed', src: 'outlet' },
    { s: 'The central bank raised interest rates to 5.25 percent on Thursday.', label: 'confirmed', src: 'outlet' },
    { s: 'The prime minister resigned on Friday after losing a confidence vote.', label: 'confirmed' },
    { s: 'The court sentenced him to eight years in prison.', label: 'confirmed' },
    { s: 'Firefighters brought the blaze under control shortly after midnight.', label: 'confirmed' },
    { s: 'The two leaders signed the agreement in Geneva on Wednesday.', label: 'confirmed' },
  ],
  'full',
);

run(
  'rule 1: background nobody would question (none)',
  [
    { s: 'NATO stands for the North Atlantic Treaty Organization.', label: 'none' },
    { s: 'Lagos is the largest city in Nigeria.', label: 'none', known: BACKGROUND },
    { s: 'Kenya gained independence from Britain in 1963.', label: 'none', known: BACKGROUND },
    { s: 'Dr Amal Haddad is a professor of epidemiology at the University of Leeds.', label: 'none' },
    { s: 'The river runs through the old town.', label: 'none', known: BACKGROUND },
    {
      s: 'The WHO is the United Nations agency for health.',
      label: 'none',
      known: 'wink tags "WHO" a pronoun, so the name before "is the ... agency for" is not seen',
    },
    { s: 'UNICEF is the UN agency for children.', label: 'none' },
    { s: 'Maria Lopez is a member of the city council.', label: 'none' },
    { s: 'The FA, short for the Football Association, runs the game in England.', label: 'none' },
    { s: 'The company was established in 1887.', label: 'none' },
    { s: 'The club was founded in 1901.', label: 'none' },
  ],
  'full',
);

run('sources: who says so, and of what kind', [
  {
    s: 'Interior Minister Karl Weber said 300 police officers had been sent to the city.',
    src: 'Karl Weber',
    kind: 'named-official',
  },
  { s: '"We have opened four shelters," Mayor Lina Ortiz said on Sunday.', src: 'Lina Ortiz', kind: 'named-official' },
  { s: 'The border will stay closed, said Health Secretary Mark Dolan.', src: 'Mark Dolan', kind: 'named-official' },
  { s: 'Police Chief Daniel Osei told reporters that two officers were injured.', src: 'Daniel Osei', kind: 'named-official' },
  { s: 'A senior official, speaking on condition of anonymity, said the talks had stalled.', kind: 'anonymous-official' },
  { s: '"We are ready," an official who asked not to be named said.', kind: 'anonymous-official' },
  { s: 'According to a diplomat familiar with the talks, the two sides exchanged drafts on Monday.', kind: 'anonymous-official' },
  { s: 'Sources close to the negotiations said a deal was near.', kind: 'anonymous-official' },
  {
    s: 'The World Health Organization said 15 cases had been confirmed in the region.',
    src: 'World Health Organization',
    kind: 'institution',
  },
  { s: 'In a statement, the ministry said the fire had been put out.', src: 'ministry', kind: 'institution' },
  { s: 'A police spokeswoman said three men had been arrested.', kind: 'institution' },
  { s: 'The company said in a filing that revenue fell 12 percent.', src: 'company', kind: 'institution' },
  {
    s: '"The data are clear," said Dr Ruth Klein, an epidemiologist at the University of Bristol.',
    src: 'Ruth Klein',
    kind: 'expert',
  },
  { s: 'Seismologists said the quake struck at a depth of 10 km.', src: 'seismologists', kind: 'expert' },
  { s: 'Senator Maria Lopez told reporters that the vote had been delayed.', src: 'Maria Lopez', kind: 'legislator' },
  {
    s: 'Opposition MP James Reed said the minister had misled parliament.',
    src: 'James Reed',
    kind: 'legislator',
    label: 'unconfirmed',
  },
  {
    s: 'Lawmaker Choi Min-ho said the briefing had put the number at about 2,000.',
    label: 'estimate',
  },
  {
    // The article states where the figure came from: the briefing is the source, he passed it on
    // (the guide's chain rule; unlike its Park Sun-won example, where the article does not say so).
    s: 'Lawmaker Choi Min-ho said the briefing had put the number at about 2,000.',
    src: 'briefing',
    chain: ['briefing', 'Choi Min-ho', 'the outlet'],
    known:
      'a source named inside what is said ("said the briefing had put ...") is not read as a link; the speaker is taken as the source',
  },
  { s: 'One witness said she heard three explosions.', src: 'witness', kind: 'witness' },
  { s: '"The water came in so fast," an eyewitness told the BBC.', src: 'eyewitness', kind: 'witness' },
  {
    s: 'The Guardian reported that the minister had resigned.',
    src: 'Guardian',
    kind: 'outlet',
    label: 'unconfirmed',
    mode: 'both',
  },
  { s: 'According to the BBC, the match was called off.', src: 'BBC', kind: 'outlet', label: 'unconfirmed', mode: 'both' },
  { s: 'State media said the president had met the envoy.', kind: 'outlet', label: 'unconfirmed' },
  { s: 'A regional newspaper reported that the factory would close.', kind: 'outlet', label: 'unconfirmed', mode: 'both' },
]);

run('chains: through whom it reached the article', [
  {
    s: 'An army officer told the Associated Press that the base had been hit.',
    src: 'officer',
    chain: ['officer', 'Associated Press', 'outlet'],
  },
  {
    s: "According to Al Jazeera's correspondent Omar Khalil, the crossing was closed.",
    src: 'Omar Khalil',
    chain: ['Omar Khalil', 'Al Jazeera', 'outlet'],
  },
  {
    s: 'The New York Times, citing two US officials, reported that the strike had killed a commander.',
    src: 'officials',
    kind: 'anonymous-official',
    chain: ['officials', 'New York Times', 'outlet'],
    label: 'unconfirmed',
  },
  {
    s: 'Bloomberg, citing people familiar with the matter, said the deal was worth $3 billion.',
    chain: ['people', 'Bloomberg', 'outlet'],
  },
  {
    s: 'The ministry told the committee that 40 schools had closed.',
    src: 'ministry',
    chain: ['ministry', 'committee', 'outlet'],
  },
  { s: 'Smith told the BBC he had not been consulted.', src: 'Smith', chain: ['Smith', 'BBC', 'outlet'] },
  { s: 'Reuters quoted a company spokesman as saying the plant would reopen.', chain: ['spokesman', 'Reuters', 'outlet'] },
  {
    s: 'Two government officials told Reuters the deal was close.',
    kind: 'anonymous-official',
    chain: ['officials', 'Reuters', 'outlet'],
    label: 'unconfirmed',
  },
  { s: 'The mayor said in an interview with Radio Sud that the roads were open.', chain: ['mayor', 'Radio Sud', 'outlet'] },
  {
    s: 'Sky News, quoting a police source, said two suspects had been detained.',
    chain: ['police source', 'Sky News', 'outlet'],
  },
  {
    s: 'The interior minister, speaking to reporters, said the curfew was lifted.',
    src: 'minister',
    chain: ['minister', 'outlet'],
  },
]);

run(
  "the guide's hard cases, with the rules alone and with the classifier",
  [
    { s: 'The government denied that it had sent troops, while its ally has not confirmed the reports.', label: 'denial' },
    { s: 'Its ally has not confirmed the reports.', label: 'unconfirmed' },
    { s: 'The water board said it had closed the reservoir on Friday.', label: 'confirmed', src: 'water board' },
    { s: 'The regional council said 318 homes were flooded.', label: 'confirmed', src: 'council' },
    {
      s: '"We know that hundreds of families have left," an unnamed official said.',
      label: 'confirmed',
      kind: 'anonymous-official',
    },
    { s: "The mayor's office confirmed the radio report.", label: 'confirmed' },
    { s: 'The owner reportedly sold the club.', label: 'unconfirmed' },
    { s: 'The plant is believed to employ 600 people.', label: 'unconfirmed' },
    { s: 'The union accused the company of covering up the leak.', label: 'unconfirmed' },
    { s: 'The operator declined to comment on the readings.', label: 'unconfirmed' },
    { s: 'The airport has yet to confirm whether flights will resume.', label: 'unconfirmed' },
    { s: 'If the levee breaks, it would flood the whole district.', label: 'opinion' },
  ],
  'both',
);

run('more forms: denials in quotes, in answers and in the present tense', [
  { s: '"We categorically deny these allegations," the ministry said in a statement.', label: 'denial', src: 'ministry' },
  { s: 'The claims are "totally baseless", a government spokesman told AFP.', label: 'denial', kind: 'institution' },
  { s: '"None of this is true," said Khalid Omar, the group\'s leader.', label: 'denial', src: 'Khalid Omar', mode: 'both' },
  { s: 'The airline denies any wrongdoing.', label: 'denial' },
  { s: 'Beijing has repeatedly denied the accusations.', label: 'denial', src: 'Beijing' },
  { s: 'The mayor rejected suggestions that she had misled voters.', label: 'denial' },
  { s: 'Asked whether the plant had leaked, the company said it had not.', label: 'denial', src: 'company', mode: 'both' },
  { s: 'The report is not true, the minister told parliament.', label: 'denial' },
]);

run('more forms: withheld, not disclosed, not yet known', [
  { s: 'The minister did not comment on the report.', label: 'unconfirmed' },
  { s: 'The number of casualties was not disclosed.', label: 'unconfirmed', mode: 'both' },
  { s: 'It was not immediately clear if anyone had been injured.', label: 'unconfirmed' },
  { s: 'The ministry did not give a reason for the delay.', label: 'unconfirmed' },
  { s: 'Officials would not confirm or deny the reports.', label: 'unconfirmed', mode: 'both' },
  { s: 'The motive for the shooting remains unknown.', label: 'unconfirmed' },
  { s: 'Neither side has commented publicly on the talks.', label: 'unconfirmed' },
  { s: 'The agency was not immediately available for comment.', label: 'unconfirmed' },
  { s: 'The exact number of victims is impossible to verify.', label: 'unconfirmed' },
  { s: 'The names of the dead were not released.', label: 'unconfirmed' },
]);

run('more forms: second hand and accusations', [
  { s: 'The former president is reported to have left the country.', label: 'unconfirmed' },
  { s: 'Local media reported that the suspect was a student.', label: 'unconfirmed', kind: 'outlet', mode: 'both' },
  { s: 'The deal, according to people briefed on the talks, is worth $2 billion.', label: 'unconfirmed' },
  { s: 'Footage circulating on social media purported to show the attack.', label: 'unconfirmed' },
  { s: 'The singer is rumoured to be planning a comeback tour.', label: 'unconfirmed' },
  { s: 'The attack was blamed on separatist rebels.', label: 'unconfirmed' },
  { s: 'Rights groups have accused the army of torturing prisoners.', label: 'unconfirmed' },
  {
    s: 'The government says the protests were organised by foreign agents.',
    label: 'unconfirmed',
    known:
      'rule 8 leaves out institutions (a government is one in the word lists): most of what they say about others on dev is their own count or finding',
  },
]);

run('more forms: figures, forecasts and plans', [
  { s: 'Nearly 300 people have been evacuated, officials said.', label: 'estimate' },
  { s: 'The fund is expected to raise $500 million.', label: 'estimate' },
  { s: 'The project will cost an estimated $3.2 billion.', label: 'estimate' },
  { s: 'As many as 10,000 people may have been affected.', label: 'estimate' },
  { s: 'Officials said more than 200 homes had been damaged.', label: 'estimate' },
  { s: 'The strike is likely to continue into next week.', label: 'estimate' },
  { s: 'The airline hopes to resume flights by the end of the month.', label: 'estimate', mode: 'both' },
  { s: 'Construction is due to begin in the spring.', label: 'estimate' },
  { s: 'Analysts estimate the cost at around $1 billion.', label: 'estimate' },
  { s: 'The company aims to double its sales by 2030.', label: 'estimate', mode: 'both' },
]);

run(
  'the guide’s later hard cases: rumoured plans, hedged figures and events, kinds that could be two; speakers named with a day, an office or a place',
  [
    { s: 'The club reportedly plans to sell its ground to a developer.', label: 'unconfirmed', mode: 'both' },
    { s: 'The company is rumoured to be planning to close the plant.', label: 'unconfirmed', mode: 'both' },
    { s: 'The carmaker allegedly intends to move its factory abroad.', label: 'unconfirmed' },
    { s: 'The club said it plans to sell its ground to a developer.', label: 'estimate', src: 'club' },
    { s: 'Up to 500 jobs could go, the union said.', label: 'estimate', src: 'union', mode: 'both' },
    {
      s: 'There may be as many as 30 journalists in prison, according to the press freedom group.',
      label: 'estimate',
      src: 'group',
    },
    { s: 'The factory could close next year, the union said.', label: 'opinion', src: 'union', mode: 'both' },
    { s: 'Talks might collapse before the weekend, diplomats warned.', label: 'opinion' },
    { s: 'City councillor Maria Lopez said the budget had been cut twice.', src: 'Maria Lopez', kind: 'legislator' },
    { s: 'Police on Monday said two men had been arrested.', src: 'Police', kind: 'institution' },
    { s: 'U.S. officials Tuesday said the talks had failed.', src: 'U.S. officials', kind: 'anonymous-official' },
    { s: 'The Syrian ambassador to the United Kingdom, Sami Khiyami, dismissed the report.', src: 'Sami Khiyami' },
    { s: '"We will stop firing at two o\'clock," said Ehud Olmert during the press conference.', src: 'Ehud Olmert' },
  ],
);

run('a finding from the evidence is an estimate; a belief of one’s own is a judgement', [
  { s: 'Investigators believe the fire began in the kitchen.', label: 'estimate', src: 'Investigators', mode: 'both' },
  { s: 'Police believe the gunman acted alone.', label: 'estimate', src: 'Police', mode: 'both' },
  { s: 'Geologists believe the rock is about a billion years old.', label: 'estimate', mode: 'both' },
  { s: 'The crash appears to be due to ice on the wings, the report said.', label: 'estimate', src: 'report' },
  { s: 'Hawass said he is convinced the tomb lies nearby.', label: 'opinion', src: 'Hawass', mode: 'both' },
  { s: 'The director remains convinced the site was a temple.', label: 'opinion', mode: 'both' },
  { s: 'He theorized that the site was a temple.', label: 'opinion', mode: 'both' },
  { s: 'Residents believe the mayor is hiding something.', label: 'opinion', mode: 'both' },
  { s: 'Scientists believe the plan is a disgrace.', label: 'opinion', mode: 'both' },
]);

run('more forms: judgements', [
  { s: 'Critics say the law is too vague.', label: 'opinion' },
  { s: 'The plan has been described as unworkable by opposition leaders.', label: 'opinion' },
  { s: '"If we do nothing, people will die," the doctor warned.', label: 'opinion' },
  { s: 'The coach said his team deserved to win.', label: 'opinion', mode: 'both' },
  { s: 'The verdict was a blow to the government.', label: 'opinion', mode: 'both' },
  { s: 'Many residents fear the worst.', label: 'opinion' },
  { s: 'It would be a mistake to ignore the warnings, she said.', label: 'opinion', mode: 'both' },
  { s: 'The government should have acted sooner, the report concluded.', label: 'opinion' },
  {
    s: '"This is a historic day," the prime minister said.',
    label: 'opinion',
    known: '"historic" is left out of the evaluative words: in news it as often names a fact (a first, a record)',
  },
  {
    s: '"It is a dark day for democracy," he said.',
    label: 'opinion',
    known: 'an idiom ("a dark day") no word list holds; the classifier, not a cue, has to read it',
  },
]);

run("more forms: on the record and in the outlet's voice", [
  { s: 'Forty-two people were killed, the ministry said.', label: 'confirmed', src: 'ministry', mode: 'both' },
  { s: 'The bank said it had cut 3,000 jobs last year.', label: 'confirmed', src: 'bank', mode: 'both' },
  {
    s: '"We have arrested five suspects," said police spokesman Adam Nowak.',
    label: 'confirmed',
    src: 'Adam Nowak',
    mode: 'both',
  },
  { s: 'The government announced on Tuesday that schools would reopen on Monday.', label: 'confirmed' },
  { s: 'The ministry confirmed the deaths in a statement on its website.', label: 'confirmed' },
  { s: 'According to official figures, 1,204 people died in the floods.', label: 'confirmed', mode: 'both' },
  { s: 'The company said in a statement it had paid the fine.', label: 'confirmed', mode: 'both' },
  { s: 'The president signed the bill into law on Friday.', label: 'confirmed', mode: 'full' },
  { s: 'Three people were injured when a bus overturned on the motorway.', label: 'confirmed', mode: 'full' },
]);

run('more forms: withheld names and details, inverted conditions, doubt, names after a description', [
  { s: 'The company has not said how much it paid.', label: 'unconfirmed' },
  { s: 'No reason was given for the decision.', label: 'unconfirmed' },
  { s: 'Police have not named the victim.', label: 'unconfirmed', mode: 'both' },
  { s: 'The Pentagon declined to say how many troops were involved.', label: 'unconfirmed', src: 'Pentagon' },
  { s: 'It is still not known how the fire started.', label: 'unconfirmed' },
  { s: 'Details of the agreement were not made public.', label: 'unconfirmed', mode: 'both' },
  { s: 'The hospital refused to release any information about his condition.', label: 'unconfirmed' },
  { s: '"Had they listened to us, none of this would have happened," she said.', label: 'opinion', mode: 'both' },
  { s: 'The new law is unconstitutional, the lawyers argued.', label: 'opinion', mode: 'both' },
  { s: 'The court ruled the law unconstitutional.', label: 'confirmed', mode: 'full' },
  { s: 'Many economists doubt the plan will work.', label: 'opinion', src: 'economists', kind: 'expert', mode: 'both' },
  {
    s: '"This is an absolute disgrace," said local councillor Peter Shaw.',
    label: 'opinion',
    src: 'Peter Shaw',
    kind: 'legislator',
  },
  { s: 'Campaigners called the ruling "a slap in the face" for victims.', label: 'opinion' },
  { s: 'The government must do more to protect children, the charity said.', label: 'opinion' },
  {
    s: 'The police chief, Maria Santos, said officers had recovered two weapons.',
    label: 'confirmed',
    src: 'Maria Santos',
    kind: 'named-official',
  },
  {
    s: 'A UN spokesperson, Stephane Leroux, said aid trucks had reached the city.',
    label: 'confirmed',
    src: 'Stephane Leroux',
    kind: 'institution',
  },
  {
    s: 'The death toll has risen to 56, according to the Red Cross.',
    label: 'confirmed',
    src: 'Red Cross',
    kind: 'institution',
    mode: 'both',
  },
  { s: 'An estimated 4,000 people marched in the capital, police said.', label: 'estimate', src: 'police' },
  { s: 'Some 1,500 police officers will be deployed for the match.', label: 'estimate' },
  { s: 'Turnout was around 60 percent.', label: 'estimate' },
  { s: 'Fewer than 100 people are thought to live on the island.', label: 'estimate' },
  { s: 'The club confirmed on Friday that its manager had left by mutual consent.', label: 'confirmed' },
  { s: 'The health department said 1,024 new infections were recorded on Tuesday.', label: 'confirmed', mode: 'both' },
  { s: 'The Times of London reported on Sunday that the deal had collapsed.', label: 'unconfirmed', kind: 'outlet' },
  {
    s: 'Citing a senior police officer, the Daily Star said the suspect had been released.',
    label: 'unconfirmed',
    kind: 'anonymous-official',
  },
  { s: 'The minister resigned, the BBC reported.', label: 'unconfirmed', src: 'BBC', kind: 'outlet', mode: 'both' },
  { s: 'Two suspects were reportedly arrested in Lyon.', label: 'unconfirmed' },
  { s: 'The officers are accused of beating a detainee.', label: 'unconfirmed' },
  { s: 'Environmental groups blame the dam for the drop in fish stocks.', label: 'unconfirmed' },
  { s: 'According to witnesses, the gunmen arrived in two cars.', kind: 'witness' },
]);

run('who denies, who accuses, whose count, whose words (the guide’s hard cases of December 2026)', [
  // anyone who says a claim is false denies it; a body that turns something down acts
  { s: 'Scientists rejected the theory that the comet caused the floods.', label: 'denial', kind: 'expert' },
  {
    s: "The regulator dismissed the company's claim that the water was safe.",
    label: 'denial',
    src: 'regulator',
    kind: 'institution',
  },
  { s: 'The watchdog rejected the claim that the tests were rigged.', label: 'denial', src: 'watchdog', kind: 'institution' },
  { s: 'The report also dismisses weather as a contributory factor.', label: 'denial', src: 'report' },
  { s: 'The court dismissed the lawsuit on Tuesday.', label: 'confirmed', src: 'outlet', kind: 'outlet', chain: ['outlet'] },
  { s: 'The council rejected the planning application last night.', label: 'confirmed', src: 'outlet', kind: 'outlet' },
  { s: 'The judge rejected his appeal for bail.', label: 'confirmed', src: 'outlet', kind: 'outlet' },
  { s: 'The court has rejected the appeal.', label: 'confirmed', src: 'outlet', kind: 'outlet', mode: 'both' },
  { s: 'The tribunal dismissed his appeal.', label: 'confirmed', src: 'outlet' },
  { s: 'The Senate rejected the bill by 52 votes to 47.', label: 'confirmed', src: 'outlet' },
  { s: 'The judge dismissed the allegations as untrue.', label: 'denial', src: 'judge' },
  // a side speaking about the other side is a party, and accuses
  {
    s: 'The defence ministry said enemy forces had shelled the town overnight.',
    label: 'unconfirmed',
    src: 'defence ministry',
    kind: 'party',
    mode: 'both',
  },
  { s: 'The army said rebels shelled the town.', label: 'unconfirmed', src: 'army', kind: 'party', mode: 'both' },
  { s: 'Rebels shelled the town overnight, the army said.', label: 'unconfirmed', src: 'army', kind: 'party' },
  {
    s: '"The insurgents possess and use white phosphorus," said a spokesman for the U.S. military.',
    label: 'unconfirmed',
    src: 'U.S. military',
    kind: 'party',
  },
  {
    s: 'The military said militants had attacked a checkpoint, killing at least 44 people.',
    label: 'estimate',
    src: 'military',
    kind: 'party',
  },
  { s: 'The defence ministry said rebels could attack again.', src: 'defence ministry', kind: 'party' },
  { s: 'The Pentagon said insurgents had attacked the convoy.', label: 'unconfirmed', src: 'Pentagon', kind: 'party' },
  {
    s: 'Israeli army spokesman Avi Cohen said militants had fired 30 rockets.',
    label: 'unconfirmed',
    src: 'Avi Cohen',
    kind: 'party',
  },
  // an exact count from unnamed officials is not on the record
  {
    s: 'Officials at the health ministry said 40 people had died.',
    label: 'unconfirmed',
    src: 'Officials at the health ministry',
    kind: 'anonymous-official',
    mode: 'both',
  },
  { s: 'Officials at the ministry said 40 died.', label: 'unconfirmed', kind: 'anonymous-official', mode: 'both' },
  {
    s: 'A police official who asked not to be named said 12 were arrested.',
    label: 'unconfirmed',
    src: 'police official',
    kind: 'anonymous-official',
  },
  { s: 'Fire officials in the city said three people had been rescued.', label: 'unconfirmed', kind: 'anonymous-official' },
  { s: 'Forty people died, officials said.', label: 'unconfirmed', src: 'officials', kind: 'anonymous-official' },
  { s: 'A senior official said 300 troops had been sent to the border.', label: 'unconfirmed', kind: 'anonymous-official' },
  { s: 'Two officials said 14 people were detained overnight.', label: 'unconfirmed', kind: 'anonymous-official' },
  { s: 'Officials said about 40 people had died.', label: 'estimate', kind: 'anonymous-official' },
  { s: 'Officials confirmed that 40 people had died.', label: 'confirmed', kind: 'anonymous-official' },
  { s: 'The health ministry said 40 people had died.', label: 'confirmed', src: 'health ministry', kind: 'institution' },
  { s: 'A ministry spokesman said 40 people had died.', label: 'confirmed', kind: 'institution' },
  // unnamed people take the kind of what the article says they are
  { s: 'Critics accused the mayor of wasting public money.', label: 'unconfirmed', src: 'critics', kind: 'party' },
  { s: 'Analysts said the merger was a sign of weakness.', label: 'opinion', src: 'analysts', kind: 'expert' },
  { s: 'Observers said the vote was largely peaceful.', src: 'observers', kind: 'expert' },
  { s: 'Some observers believe the talks will fail.', label: 'opinion', src: 'observers', kind: 'expert' },
  { s: 'Political analysts expect the vote to be close.', label: 'estimate', src: 'analysts', kind: 'expert' },
  { s: 'Critics said the law was too vague.', label: 'opinion', src: 'critics', kind: 'party' },
  { s: 'According to reports from the area, the bridge was destroyed.', label: 'unconfirmed', kind: 'outlet' },
  // words with nobody behind them, and the outlet's own voice, are the outlet's
  { s: 'The missile is believed to have been fired from the hills.', label: 'unconfirmed', src: 'outlet' },
  { s: 'Police arrested three men on Sunday.', label: 'confirmed', src: 'outlet', kind: 'outlet' },
]);
