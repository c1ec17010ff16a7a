import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LABELS } from '../../shared/pack/vocabulary';
import { suggestClaims, type Suggestion } from './analyse';
import { loadClassifier } from './classifier';

const devDir = new URL('./dev-set/', import.meta.url);
const seed = readFileSync(new URL('seed-article.txt', devDir), 'utf8');

const find = (all: Suggestion[], fragment: string) => {
  const s = all.find((x) => x.text.includes(fragment));
  if (!s) throw new Error(`no suggestion contains "${fragment}"`);
  return s;
};
const one = (sentence: string) => suggestClaims(sentence);
/** The rules alone: the label of a sentence's first suggestion. */
const label = (sentence: string) => suggestClaims(sentence, { classifier: null })[0]?.label;

describe('suggestClaims on the seed article', () => {
  const all = suggestClaims(seed);

  it('suggests every one of the five labels', () => {
    for (const label of LABELS)
      expect(
        all.some((s) => s.label === label),
        label,
      ).toBe(true);
  });

  it('splits the denial and the non-confirmation in one sentence', () => {
    const denial = find(all, 'North Korea denied');
    const unconfirmed = find(all, 'Moscow has not confirmed');
    expect(denial).not.toBe(unconfirmed);
    expect(denial).toMatchObject({ label: 'denial', source: { name: 'North Korea', kind: 'party' } });
    expect(denial.text).not.toContain('Moscow');
    expect(unconfirmed).toMatchObject({ label: 'unconfirmed', source: { kind: 'party' } });
    expect(unconfirmed.cues).toContain('has not confirmed');
  });

  it('reads the estimate, the confirmation and the opinion', () => {
    const estimate = find(all, 'about 10,000 troops');
    expect(estimate.label).toBe('estimate');
    expect(estimate.cues).toEqual(expect.arrayContaining(['about 10,000', 'expected to']));
    expect(estimate.source?.kind).toBe('legislator');
    expect(find(all, 'We know that thousands')).toMatchObject({ label: 'confirmed', source: { kind: 'anonymous-official' } });
    expect(find(all, "that's a sign of desperation").label).toBe('opinion');
    expect(find(all, 'allies have confirmed evidence').source?.kind).toBe('institution');
    expect(find(all, 'initial contingent of 1,500')).toMatchObject({
      label: 'estimate',
      source: { kind: 'intelligence-agency' },
    });
    expect(find(all, 'not yet')).toMatchObject({ label: 'unconfirmed', source: { kind: 'named-official' } });
  });

  it('skips lines that are not prose', () => {
    for (const s of all) {
      expect(s.text).not.toMatch(/Original url|Related article|By \[AFP\]|Uwe Brodrecht|^# /);
    }
  });

  it('gives offsets whose slice is the text, in article order, with confidence in 0..1', () => {
    let previous = -1;
    for (const s of all) {
      expect(seed.slice(s.start, s.end)).toBe(s.text);
      expect(s.start).toBeGreaterThan(previous);
      previous = s.start;
      expect(s.confidence).toBeGreaterThanOrEqual(0);
      expect(s.confidence).toBeLessThanOrEqual(1);
      for (const cue of s.cues) expect(seed.slice(Math.max(0, s.start - 200), s.end + 200)).toContain(cue);
    }
  });
});

describe('rules', () => {
  it('confirmed: confirmed, we know, records show, announced', () => {
    expect(one('The ministry confirmed that the bridge was closed.')[0]?.label).toBe('confirmed');
    expect(one('Court records show that the firm paid the fine.')[0]?.label).toBe('confirmed');
    expect(one('The company announced that it had hired a new chief.')[0]?.label).toBe('confirmed');
  });

  it('estimate: approximators on numbers and projections', () => {
    expect(one('Some 4,000 people attended the rally.')[0]?.label).toBe('estimate');
    expect(one('At least 12 houses were damaged.')[0]?.label).toBe('estimate');
    expect(one('The new line is expected to open in May.')[0]?.label).toBe('estimate');
    expect(one('The company said the repairs would cost up to 3 million dollars.')[0]?.label).toBe('estimate');
  });

  it('denial: denied, rejected, dismissed', () => {
    expect(one('The minister denied that she had misled parliament.')[0]?.label).toBe('denial');
    expect(one('The club dismissed the reports as false.')[0]?.label).toBe('denial');
  });

  it('unconfirmed: not confirmed, unclear, declined to comment, reportedly', () => {
    expect(one('It is unclear who started the fire.')[0]?.label).toBe('unconfirmed');
    expect(one('The police declined to comment on the arrests.')[0]?.label).toBe('unconfirmed');
    expect(one('The singer has reportedly left the band.')[0]?.label).toBe('unconfirmed');
  });

  it('opinion: conditionals and evaluative words', () => {
    expect(one('If the plan fails, the town would lose its hospital.')[0]?.label).toBe('opinion');
    expect(one('"This is a shameful decision," said the mayor.')[0]?.label).toBe('opinion');
  });

  it('no cue, rules alone: stated as established, by the outlet or its source on the record, with a low confidence', () => {
    const rules = (sentence: string) => suggestClaims(sentence, { classifier: null });
    expect(rules('The bus left the station at noon.')).toMatchObject([
      { label: 'confirmed', cues: [], confidence: 0.4, source: { kind: 'outlet' } },
    ]);
    expect(rules('The mayor, Ana Ruiz, said the town had opened three shelters.')).toMatchObject([
      { label: 'confirmed', source: { kind: 'named-official' } },
    ]);
  });

  it('no cue: the classifier decides, and may find no claim; it never overrides a cue', () => {
    const model = loadClassifier({
      labels: ['confirmed', 'estimate', 'denial', 'unconfirmed', 'opinion', 'none'],
      features: ['w:bus', 'w:denied'],
      weights: [
        [0, 0, 0, 0, 0, 5],
        [0, 0, 0, 0, 5, 0],
      ],
      bias: [0, 0, 0, 0, 0, 0],
    });
    expect(suggestClaims('The bus left the station at noon.', { classifier: model })).toEqual([]);
    expect(suggestClaims('The bus company denied the report.', { classifier: model })).toMatchObject([{ label: 'denial' }]);
    expect(one('The council met on Monday.')[0]?.cues).toEqual([]);
  });

  it('reads hearsay, accusations and blame as unconfirmed, and a guess as opinion', () => {
    expect(one('Russian authorities claim the drone was shot down.')[0]?.label).toBe('unconfirmed');
    expect(one('The alleged downing took place on Friday.')[0]?.label).toBe('unconfirmed');
    expect(one('Kyiv accused Moscow of cynically trying to hide the losses.')[0]?.label).toBe('unconfirmed');
    expect(one('Moscow has blamed Kyiv for the crucial failure of the talks.')[0]?.label).toBe('unconfirmed');
    expect(one('The plant is believed to employ 600 people.')[0]?.label).toBe('unconfirmed');
    expect(one('The debris may be from the missing plane.')[0]?.label).toBe('opinion');
  });

  it('does not take a word that often names a fact for a judgement', () => {
    expect(one('The council voted on a crucial budget on Monday.')[0]?.label).toBe('confirmed');
    expect(one('The floods damaged the waste systems of the town.')[0]?.label).toBe('confirmed');
  });
});

describe('collisions', () => {
  it('a negated confirmation is unconfirmed, never a denial', () => {
    expect(one('The army has not confirmed the strike.')[0]?.label).toBe('unconfirmed');
    expect(one('The government did not deny the report.')[0]?.label).toBe('unconfirmed');
  });

  it('a denial beats an estimate, an estimate on a number beats an opinion', () => {
    expect(one('The firm denied that about 300 jobs would go.')[0]?.label).toBe('denial');
    expect(one('It is a terrible blow that about 300 jobs will go.')[0]?.label).toBe('estimate');
  });

  it('an opinion beats a confirmation', () => {
    expect(one('The council confirmed the closure, a disgraceful decision.')[0]?.label).toBe('opinion');
  });
});

describe('sources', () => {
  const source = (s: string) => one(s)[0]?.source;
  it('names the kind of source', () => {
    expect(source('"We know it happened," the unnamed official said.')?.kind).toBe('anonymous-official');
    expect(source('Police spokeswoman Ann Lee said that at least 20 people were arrested.')?.kind).toBe('institution');
    expect(source('The intelligence agency said that about 500 troops had crossed.')?.kind).toBe('intelligence-agency');
    expect(source('Lawmaker Jo Kim told reporters that about 500 troops had crossed.')?.kind).toBe('legislator');
    expect(source('Acme denied that it had sold the data.')?.kind).toBe('party');
    expect(source('Health Secretary Paul Hart confirmed that the ward will close.')?.kind).toBe('named-official');
    expect(source('About 500 people were evacuated.')?.kind).toBe('outlet');
  });
  it('"Anonymous", the hacker collective, is a party by its name, not a speaker left unnamed', () => {
    expect(source('A member of Anonymous said the group had taken the site down.')?.kind).toBe('party');
    expect(source('The group Anonymous claimed the attack, saying the church deserved it.')?.kind).toBe('party');
    expect(source('Anonymous sources said the minister would resign.')?.kind).toBe('anonymous-official');
    expect(source('An anonymous official said the talks had failed.')?.kind).toBe('anonymous-official');
  });
});

describe('sources and attribution chains', () => {
  const first = (text: string) => {
    const s = suggestClaims(text)[0];
    if (!s) throw new Error(`no suggestion in "${text}"`);
    return s;
  };
  const chainOf = (text: string) => first(text).chain;

  it('"X, citing Y, reported": Y is the source, X passed it on, the outlet last', () => {
    const s = first('Reuters, citing an anonymous U.S. official, reported that the drone had been shot down.');
    expect(s.source).toEqual({ name: 'an anonymous U.S. official', kind: 'anonymous-official' });
    expect(s.chain).toEqual(['an anonymous U.S. official', 'Reuters', 'the outlet']);
  });

  it('"according to Reuters\' Pentagon correspondent Idrees Ali": the correspondent, then Reuters', () => {
    const s = first("The drone was brought down over the Black Sea, according to Reuters' Pentagon correspondent Idrees Ali.");
    expect(s.source?.kind).toBe('outlet');
    expect(s.chain).toEqual(["Reuters' Pentagon correspondent Idrees Ali", 'Reuters', 'the outlet']);
  });

  it('"X told Y that ...": Y is a link; reporters and pronouns are not', () => {
    expect(chainOf('The ministry told the committee that 40 schools had closed.')).toEqual([
      'The ministry',
      'the committee',
      'the outlet',
    ]);
    expect(chainOf("Kazemi's uncle told CNN that the young man had been arrested in Tehran.")).toEqual([
      "Kazemi's uncle",
      'CNN',
      'the outlet',
    ]);
    expect(chainOf('Police chief John Smith told reporters that two people had died.')).toEqual([
      'Police chief John Smith',
      'the outlet',
    ]);
  });

  it('"in remarks to", "in an interview with", "stated to": the outlet that heard it is a link', () => {
    const s = first(
      '"There are no casualties left at the location," Civil Defense director Suleiman al-Amr said in remarks to al-Ikhbariya television.',
    );
    expect(s.source?.name).toBe('Civil Defense director Suleiman al-Amr');
    expect(s.chain).toEqual(['Civil Defense director Suleiman al-Amr', 'al-Ikhbariya television', 'the outlet']);
    expect(chainOf('Rebel leader Murat Karayilan said in an interview with The Times that his fighters would stay.')).toEqual([
      'Rebel leader Murat Karayilan',
      'The Times',
      'the outlet',
    ]);
  });

  it('"the ministry said, quoting ...", "Interfax quoted ... as saying": the one quoted is the source', () => {
    expect(chainOf('The ministry said, quoting a local commander, that 40 soldiers had died.')).toEqual([
      'a local commander',
      'The ministry',
      'the outlet',
    ]);
    const s = first('Interfax quoted a defence ministry source as saying the plane had crashed on take-off.');
    expect(s.source).toEqual({ name: 'a defence ministry source', kind: 'anonymous-official' });
    expect(s.chain).toEqual(['a defence ministry source', 'Interfax', 'the outlet']);
    expect(chainOf('According to Yonhap news agency, quoting KCNA, the army was put on alert.')).toEqual([
      'KCNA',
      'Yonhap news agency',
      'the outlet',
    ]);
  });

  it("keeps a link stated once for the same speaker's other words in the paragraph", () => {
    const all = suggestClaims('Berhe told the BBC that the aid was used to buy arms. "We bought weapons with it," he said.');
    expect(all.map((s) => s.chain)).toEqual([
      ['Berhe', 'the BBC', 'the outlet'],
      ['Berhe', 'the BBC', 'the outlet'],
    ]);
  });

  it('resolves a pronoun to the last source named in its paragraph, or leaves the source for the instructor', () => {
    const same = suggestClaims('Police chief John Smith said the road was closed. He said two people had died.');
    expect(same.map((s) => s.source?.name)).toEqual(['Police chief John Smith', 'Police chief John Smith']);
    const alone = first('He told reporters that two people had died.');
    expect(alone.source).toBeUndefined();
    expect(alone.chain).toEqual(['the outlet']);
    // Before any source is named in its paragraph, "he" may point to the paragraph just before
    // ('"...," he told journalists' after a paragraph about the speaker), never further.
    const next = suggestClaims('Police chief John Smith said the road was closed.\n\n"Two people died," he told journalists.');
    expect(next[1]!.source?.name).toBe('Police chief John Smith');
    const far = suggestClaims(
      'Police chief John Smith said the road was closed.\n\nThe bridge was built in 1990.\n\nHe said two people had died.',
    );
    expect(far.at(-1)!.source).toBeUndefined();
  });

  it('never takes a verb or a relative pronoun for a source', () => {
    for (const s of suggestClaims(
      'The man, who said the drone was destroyed, left the area. Said to be angry, officials left.',
    )) {
      expect(s.source?.name ?? '').not.toMatch(/^(who|which|that|said)\b/i);
    }
  });
});

describe('cues learned from the development split', () => {
  it('another outlet in the chain makes a report second-hand: unconfirmed', () => {
    expect(label('Several freight cars were crumpled, Reuters reported.')).toBe('unconfirmed');
    expect(label('As of June last year, according to The Guardian, she was working on an album.')).toBe('unconfirmed');
    expect(label('Whitmore told LA Weekly that the case was being dealt with as grand theft.')).toBe('unconfirmed');
  });

  it('hedges and hearsay: believed to, it is reported, information suggests, according to reports', () => {
    expect(label('Debris believed to be part of an aircraft has washed ashore on an island.')).toBe('unconfirmed');
    expect(label('It is now reported it was under repair at the time of the failure.')).toBe('unconfirmed');
    expect(label('New information suggests a cable on the structure failed.')).toBe('unconfirmed');
    expect(label('According to reports, the minister had attended the rally.')).toBe('unconfirmed');
    expect(label('"We are aware of reports of incidents in the Basra area," Holloway said.')).toBe('unconfirmed');
  });

  it('denials without "deny": disputes, discounted, insisted ... not, not the case, didn’t happen', () => {
    expect(label('Turkey strongly disputes these claims.')).toBe('denial');
    expect(label('Malaysian authorities have discounted those claims.')).toBe('denial');
    expect(label('Iraqi officials have insisted that the Mahdi Army was not the target of the offensive.')).toBe('denial');
    expect(label("And that's simply not the case.")).toBe('denial');
    expect(label("It just didn't happen.")).toBe('denial');
  });

  it('stance and degree are opinion: believes, criticized, expressed concern, the most effective', () => {
    expect(label('Jim Swire believes al-Megrahi was not guilty.')).toBe('opinion');
    expect(label('The move was criticized by a member of parliament.')).toBe('opinion');
    expect(label('She expressed concern about the well-being of the journalists.')).toBe('opinion');
    expect(label('Adding the mineral to salt is the most effective method.')).toBe('opinion');
  });

  it('a bound or a margin on a figure, and a plan, are estimates', () => {
    expect(label('The crane collapse killed 107 or more people.')).toBe('estimate');
    expect(label('Wikileaks has released under 300 of the cables.')).toBe('estimate');
    expect(label('He is set to spend two nights at the palace.')).toBe('estimate');
  });

  it('not every "if" or "may" is a judgement: "few if any", "to determine if", "which may lead"', () => {
    expect(label('Few if any food manufacturers use iodised salt.')).not.toBe('opinion');
    expect(label('Officials are testing the debris to determine if it came from the aircraft.')).not.toBe('opinion');
    expect(label('The archaeologist revealed artifacts which may lead to the tomb.')).not.toBe('opinion');
  });
});

describe('third round: sources', () => {
  const all = (text: string) => suggestClaims(text, { classifier: null });

  it('a name with a description after it: the name is the source', () => {
    expect(all('Tom Okafor, a senior aide to the governor, said the vote would go ahead.')[0]?.source?.name).toBe('Tom Okafor');
    expect(all('Officials, speaking on condition of anonymity, said the talks had failed.')[0]?.source).toEqual({
      name: 'Officials',
      kind: 'anonymous-official',
    });
    // Not "citing": that is a chain.
    const cited = all('The newspaper, citing two unnamed sources, said production would move to Hungary.')[0]!;
    expect(cited.chain).toEqual(['two unnamed sources', 'The newspaper', 'the outlet']);
    expect(cited.label).toBe('unconfirmed');
  });

  it('a trailing speaker the word lists do not know is still the source', () => {
    expect(all('The bridge will close next week, engineers warned.')[0]?.source).toEqual({ name: 'engineers', kind: 'expert' });
    expect(all('The pumps failed twice, the farmers said.')[0]?.source?.name).toBe('the farmers');
    expect(all('Three people died in the blast, the ministry said.')[0]?.source).toEqual({
      name: 'the ministry',
      kind: 'institution',
    });
    expect(all('The road will reopen on Monday, according to officials.')[0]?.source?.kind).toBe('anonymous-official');
  });

  it('an outlet known by name, or a name that reports, is an outlet', () => {
    const told = all('The singer told Billboard that she was recording again.')[0]!;
    expect(told.chain).toEqual(['The singer', 'Billboard', 'the outlet']);
    expect(told.label).toBe('unconfirmed');
    const reported = all('Troops crossed the border at dawn, The Independent reported.')[0]!;
    expect(reported.source).toEqual({ name: 'The Independent', kind: 'outlet' });
    expect(reported.label).toBe('unconfirmed');
    expect(all('Independent experts said the water was safe.')[0]?.source?.kind).not.toBe('outlet');
    expect(all('The senator told the Chicago Sun-Times that the letter was fair.')[0]?.chain).toEqual([
      'The senator',
      'the Chicago Sun-Times',
      'the outlet',
    ]);
  });

  it('"X is believed / said to ...": X is what the hearsay is about, not its source', () => {
    for (const sentence of ['The minister is said to have resigned.', 'The ministry is believed to be planning cuts.']) {
      const s = all(sentence)[0]!;
      expect(s.label).toBe('unconfirmed');
      expect(s.source?.kind).toBe('outlet');
    }
  });

  it('a figure split off at "and" keeps the source of the statement', () => {
    const both = all('Officials said 75 people had been killed and about 500 were wounded.');
    expect(both.map((s) => s.label)).toEqual(['confirmed', 'estimate']);
    expect(both.map((s) => s.source?.name)).toEqual(['Officials', 'Officials']);
  });

  it('the sentences of a quotation left open are its speaker’s; a new sentence outside it is not', () => {
    const quoted = all('Mara Lind said, "We left at dawn. The road was already closed."');
    expect(quoted.map((s) => s.source?.name)).toEqual(['Mara Lind', 'Mara Lind']);
    const after = all('Mara Lind said, "We left at dawn." The road was closed on Monday.');
    expect(after[1]?.source?.kind).toBe('outlet');
  });

  it('the subject of an act is the actor, not the source: the outlet reports it', () => {
    expect(all('President Ana Ruiz will travel to the coast on Friday.')[0]?.source?.kind).toBe('outlet');
    expect(all('President Ana Ruiz said she would travel to the coast.')[0]?.source?.name).toBe('President Ana Ruiz');
  });

  it('what follows a trailing attribution is a claim too', () => {
    const s = all('"We take security seriously," she said, but declined to give any details about the leak.');
    expect(s.some((x) => x.label === 'unconfirmed' && x.text.startsWith('declined to give'))).toBe(true);
  });
});

describe('third round: cues', () => {
  it('hearsay in the passive: "was reported to be"; reports as the subject', () => {
    expect(label('The target was reported to be a local broadcaster.')).toBe('unconfirmed');
    expect(label('Early reports from the islands indicate that no one was hurt.')).toBe('unconfirmed');
  });

  it('another outlet’s report stays below a projection (rule 5 before rule 6)', () => {
    expect(label('The plant is expected to close next year, Reuters reported.')).toBe('estimate');
  });

  it('not yet known: "to determine whether", "under investigation"', () => {
    expect(label('Investigators are working to determine whether the brakes failed.')).toBe('unconfirmed');
    expect(label('The cause of the blaze is under investigation.')).toBe('unconfirmed');
  });

  it('an assertion or one party’s account is unconfirmed: asserted, contends, according to a party', () => {
    expect(label('The activist asserted that the police had planted the evidence.')).toBe('unconfirmed');
    expect(label('The union contends that the company hid the accident.')).toBe('unconfirmed');
    expect(label('The government maintains that it has only detained rioters.')).toBe('unconfirmed');
    expect(label('The keeper maintained 300 clean sheets for the club.')).not.toBe('unconfirmed');
    expect(label('According to Rathbone, the dam had been leaking for weeks.')).toBe('unconfirmed');
    expect(label('According to the ministry, the dam had been leaking for weeks.')).not.toBe('unconfirmed');
  });

  it('"plans" as a noun is no projection', () => {
    expect(label('The plans for the stadium were drawn up in 1990.')).not.toBe('estimate');
    expect(label('The council plans to close the bridge.')).toBe('estimate');
  });

  it('a negative answer to an accusation is a denial; a negative statement alone is not', () => {
    const answer = suggestClaims(
      'Residents accused the company of dumping waste. The company said it had never dumped anything.',
      {
        classifier: null,
      },
    );
    expect(answer[1]?.label).toBe('denial');
    expect(label('The mayor said the road had not reopened.')).not.toBe('denial');
  });

  it('groundless and fabricated claims are denied', () => {
    expect(label('The claims are groundless, the minister said.')).toBe('denial');
    expect(label('The embassy called the letter fabricated.')).toBe('denial');
  });
});

describe('third round: figures', () => {
  it('an approximator on "an hour" or on a figure written after its currency is an estimate', () => {
    expect(label('The second wave struck about an hour later.')).toBe('estimate');
    expect(label('The group said at least US$95 million was diverted.')).toBe('estimate');
    expect(label('The talks lasted an hour.')).not.toBe('estimate');
  });
});

describe('third round: denials answering an accusation', () => {
  const labels = (text: string) => suggestClaims(text, { classifier: null }).map((s) => s.label);

  it('an unnamed official’s negative answer, and "but not" after an admission', () => {
    expect(
      labels('The paper accused the club of hiding the letters. Club officials said they had not received any letters.')[1],
    ).toBe('denial');
    expect(
      labels('Campaigners accused the army of using the gas. The army admits it uses the gas for smoke, but not as a weapon.')[1],
    ).toBe('denial');
  });
});

describe('third round: judgements', () => {
  it('a characterisation, what ought to be done, a reading, an evaluative word', () => {
    expect(label('The minister described the plan as a betrayal of the voters.')).toBe('opinion');
    expect(label('We need to rebuild the levee before the winter.')).toBe('opinion');
    expect(label('The leak implies that the ministry misled the committee.')).toBe('opinion');
    expect(label('It was an unfortunate decision by the board.')).toBe('opinion');
    expect(label('Aid groups met the needs of the families.')).not.toBe('opinion');
  });
});

describe('fourth round: cues used out of their sense, and hedging adverbs', () => {
  it('"called on" / "called for" is a call, "was called" a name: no characterisation', () => {
    expect(label('The mayor called on residents "to stay indoors until the storm passes".')).not.toBe('opinion');
    expect(label('The first plan was called "Blue Line" by the engineers.')).not.toBe('opinion');
    expect(label('The mayor called the plan "a disgrace to the town".')).toBe('opinion');
  });

  it('"could be heard / seen" is what was perceived and "could not" what was not possible, not a guess', () => {
    expect(label('Sirens could be heard across the town.')).not.toBe('opinion');
    expect(label('Drivers could not leave the car park.')).not.toBe('opinion');
    expect(label('The debris could be from the missing boat.')).toBe('opinion');
  });

  it('"apparently", "supposedly" are hearsay', () => {
    expect(label('Phone lines have apparently been cut in the north.')).toBe('unconfirmed');
    expect(label('The payment was supposedly approved by the board.')).toBe('unconfirmed');
  });
});

describe('fourth round: denial words that deny no claim', () => {
  it('"a disputed election", "a money dispute", "denial-of-service" name a quarrel or qualify a noun', () => {
    expect(label('Violence followed the disputed presidential election.')).not.toBe('denial');
    expect(label('The two brothers were locked in a money dispute.')).not.toBe('denial');
    expect(label('The site was hit by a denial-of-service attack.')).not.toBe('denial');
    expect(label('The farmer disputes the claims that he was paid.')).toBe('denial');
  });

  it('"false" on a noun that is no claim is no denial; "false reports" and "was false" are', () => {
    expect(label('He was charged with false imprisonment.')).not.toBe('denial');
    expect(label('The minister said the reports were false.')).toBe('denial');
    expect(label('The ministry called them false reports.')).toBe('denial');
  });

  it('a decision on a request, or someone refused something, is no denial', () => {
    expect(label('The court rejected his appeal on Tuesday.')).not.toBe('denial');
    expect(label('She was denied entry at the border.')).not.toBe('denial');
    expect(label('The bill rejected by the assembly returns next week.')).not.toBe('denial');
    expect(label('The company rejected the accusation.')).toBe('denial');
    expect(label('The claim was denied by the ministry.')).toBe('denial');
  });
});

describe('fourth round: hearsay sources', () => {
  it('"reports say" and "according to sources" with no other cue are unconfirmed', () => {
    expect(label('Reports say the marchers want reform rather than a new government.')).toBe('unconfirmed');
    expect(label('The convoy was aimed at the border post, according to sources.')).toBe('unconfirmed');
  });
});

describe('fourth round: characterisations and guesses', () => {
  it('"dubbed", "branded", "labelled ... as", "is seen as" characterise; "theorized" guesses', () => {
    expect(label('A columnist dubbed the dispute a war of words.')).toBe('opinion');
    expect(label('The mayor branded the protesters vandals.')).toBe('opinion');
    expect(label('The new bridge is seen as a gift to the suburbs.')).toBe('opinion');
    expect(label('Users theorized that the server had been attacked.')).toBe('opinion');
    expect(label('The senator was critical of the arrests.')).toBe('opinion');
    expect(label('The raid tests the army’s ability to assert its control over the port.')).not.toBe('unconfirmed');
    expect(label('Critics asserted that the vote was rigged.')).toBe('unconfirmed');
    expect(label('The crates were labelled by the customs office.')).not.toBe('opinion');
  });
});

describe('fourth round: a plan named as a thing', () => {
  it('"its sales plans" is no projection; "plans to" is', () => {
    expect(label('The ministry briefed the committee on its sales plans for the region.')).not.toBe('estimate');
    expect(label('The rebels followed detailed plans drawn up months ago.')).not.toBe('estimate');
    expect(label('The council plans to close the bridge in May.')).toBe('estimate');
  });
});

describe('fourth round: a hedge on the object, not on the claim', () => {
  it('"bombed a suspected hideout" is narration; "the alleged theft ..." is hearsay', () => {
    expect(label('Police raided a suspected drug lab in the harbour on Friday.')).not.toBe('unconfirmed');
    expect(label('The alleged theft took place on Friday.')).toBe('unconfirmed');
  });
});

describe('fourth round: pleading not guilty', () => {
  it('"pleaded not guilty", "insisted he was innocent", "I am innocent" reject the charge', () => {
    expect(label('Both men pleaded not guilty to the charges.')).toBe('denial');
    expect(label('He insisted he was innocent as he left the court.')).toBe('denial');
    expect(label('"I am innocent," the driver said.')).toBe('denial');
    expect(label('The jury found him guilty.')).not.toBe('denial');
    expect(label('After two years everyone responsible was found to be innocent.')).not.toBe('denial');
  });
});

describe('fourth round: background read as background', () => {
  it('"more than 40 years ago" is a time, not an estimate; "about 40 people" is', () => {
    expect(label('The club was founded more than 40 years ago.')).not.toBe('estimate');
    expect(label('About 40 people were evacuated.')).toBe('estimate');
  });

  it('"is illegal in", "made ... illegal" state the law; "an illegal war" judges', () => {
    expect(label('Street racing is illegal in the state.')).not.toBe('opinion');
    expect(label('The amendment made the practice illegal.')).not.toBe('opinion');
    expect(label('Protesters called it an illegal war.')).toBe('opinion');
  });
});

describe('fourth round: the month of May', () => {
  it('"on May 31", "in May 2001" are dates, not a modal on a figure', () => {
    expect(label('The fire started on May 31 in the port.')).not.toBe('estimate');
    expect(label('He was arrested in May 2001 in Karachi.')).not.toBe('estimate');
  });

  it('"due to" a gerund is a cause, not a schedule', () => {
    expect(label('Due to suffering from cancer, he was released early.')).not.toBe('estimate');
    expect(label('The ship is due to arrive on Monday.')).toBe('estimate');
  });
});

describe('fifth session: accusers, authorities, closing attributions and "probably"', () => {
  const claims = (text: string) => suggestClaims(text, { classifier: null });

  it('whoever claims, accuses or blames is the source of the claim', () => {
    for (const [text, name] of [
      ['Russian authorities claim the drone violated airspace.', 'Russian authorities'],
      ['The police claim the man fled.', 'The police'],
      ['The union accused the company of hiding the accident.', 'The union'],
      ['Moscow has blamed Washington for the escalation.', 'Moscow'],
    ] as const) {
      const [claim] = claims(text);
      expect(claim?.label, text).toBe('unconfirmed');
      expect(claim?.source?.name, text).toBe(name);
    }
  });

  it('authorities and programmes speak as institutions', () => {
    expect(claims('Russian authorities said the drone violated airspace.')[0]?.source?.kind).toBe('institution');
    expect(claims('Three people are missing, according to the World Food Programme.')[0]?.source).toEqual({
      name: 'the World Food Programme',
      kind: 'institution',
    });
  });

  it('a closing "according to" speaks for every clause of the sentence', () => {
    const found = claims('At least 12 people died and 3 are missing, according to the World Food Programme.');
    expect(found.map((c) => c.label)).toEqual(['estimate', 'confirmed']);
    for (const claim of found) expect(claim.source?.name).toBe('the World Food Programme');
  });

  it('"will probably" is a forecast given as likely: an estimate, never confirmed', () => {
    expect(claims('The bridge will probably collapse, engineers warned.')[0]?.label).toBe('estimate');
    expect(claims('The bridge collapsed, engineers said.')[0]?.label).toBe('confirmed');
  });
});

describe('sixth round: who speaks about whom (rule 8)', () => {
  it('a party saying, on no cue, what another party did is unconfirmed', () => {
    expect(label('A resident said soldiers had burned the market.')).toBe('unconfirmed');
    expect(label('Striking farmers say that the company cut its prices below cost.')).toBe('unconfirmed');
    expect(label('One shopkeeper, speaking on condition of anonymity, said the gang demanded money every week.')).toBe(
      'unconfirmed',
    );
  });

  it('what a party says it did itself, an official’s statement, a plan, an order or a quotation is not', () => {
    expect(label('The water company said it had shut the reservoir on Friday.')).toBe('confirmed');
    expect(label('A resident said she had left the town on Sunday.')).toBe('confirmed');
    expect(label('Police chief Anna Berg said officers had sealed off the street.')).toBe('confirmed');
    expect(label('The union said the company will reopen the plant.')).not.toBe('unconfirmed');
    expect(label('Parents tell the school board to keep the library open.')).not.toBe('unconfirmed');
    expect(label('A resident said, "Soldiers burned the market."')).not.toBe('unconfirmed');
  });
});

describe('sixth round: told by someone unnamed, and what is still being found out', () => {
  it('"the court was told", "has been informed", "the jury heard" are hearsay; "was told to" is an order', () => {
    expect(label('The defendant had bought the knife a week earlier, the court was told.')).toBe('unconfirmed');
    expect(label('The newspaper has been informed that the mayor will resign.')).toBe('unconfirmed');
    expect(label('The jury heard that the driver had been drinking.')).toBe('unconfirmed');
    expect(label('She was told to leave the building.')).not.toBe('unconfirmed');
  });

  it('"to learn why", "could reveal whether", "find out how" are not yet known (rule 3)', () => {
    expect(label('Engineers are working to learn why the pump failed.')).toBe('unconfirmed');
    expect(label('The samples could reveal whether the water was poisoned.')).toBe('unconfirmed');
    expect(label('Police want to find out how the fire started.')).toBe('unconfirmed');
    expect(label('The guide explains how to fix the pump.')).not.toBe('unconfirmed');
    expect(label('We know why the bridge fell.')).toBe('confirmed');
  });
});

describe('sixth round: the paragraph as a whole, for background', () => {
  const features = (text: string) => {
    const found: string[][] = [];
    suggestClaims(text, { classifier: null, onClause: (c) => found.push(c.features) });
    return found;
  };

  it('a paragraph with old years and nobody speaking reads as history recalled', () => {
    const text =
      'The council voted on Monday to close the bridge in 2024, the mayor said.\n\nThe bridge was built in 1901. It was rebuilt in 1950.';
    const [news, built, rebuilt] = features(text);
    expect(news).toEqual(expect.arrayContaining(['para-speech']));
    expect(news).not.toContain('para-plain-past');
    for (const f of [built!, rebuilt!]) expect(f).toEqual(expect.arrayContaining(['para-past', 'para-plain-past']));
  });
});

describe('sixth round: an opening phrase, the speaker, then the quotation', () => {
  it('"After the match, the coach said, \\"...\\"" reads the quotation, with the coach as its source', () => {
    const [claim] = suggestClaims('After the match, coach Peter Adams said, "We are bitterly disappointed."', {
      classifier: null,
    });
    expect(claim).toMatchObject({ label: 'opinion', source: { name: 'coach Peter Adams' } });
    expect(claim?.text).toContain('disappointed');
  });
});

describe('sixth round: "serious" as a grade of harm', () => {
  it('"in serious condition", "serious injuries" are facts; "a serious risk" is a judgement', () => {
    expect(label('Two patients were in serious condition on Monday.')).not.toBe('opinion');
    expect(label('The driver suffered serious head injuries in the crash.')).not.toBe('opinion');
    expect(label('The senator said the leak was a serious risk.')).toBe('opinion');
  });
});

describe('sixth round: an answer to an accusation that says what one will or can do', () => {
  const second = (text: string) => suggestClaims(text, { classifier: null })[1]?.label;

  it('"would not resign", "cannot afford" are no denial; "had never hidden anything" is', () => {
    expect(second('The union accused the company of hiding the accident. The company said it had never hidden anything.')).toBe(
      'denial',
    );
    expect(second('The union accused the mayor of corruption. The mayor said he would not resign.')).not.toBe('denial');
    expect(second('Critics accused the club of cheating. The club said it cannot afford a long case.')).not.toBe('denial');
  });
});

describe('sixth round: "great" and "best" out of their sense', () => {
  it('kin, a quantity and a prize’s name are no judgement; "a great act" is', () => {
    expect(label('His great uncle was killed in 1969 during a race.')).not.toBe('opinion');
    expect(label('The storm did a great deal of damage to the port.')).not.toBe('opinion');
    expect(label('The song won best album at the ceremony in 1968.')).not.toBe('opinion');
    expect(label('The minister said it was a great act of democracy.')).toBe('opinion');
  });
});

describe('sixth round: "see / regard / view X as"', () => {
  it('reads what something is (rule 4); "saw the team as well" does not', () => {
    expect(label('Observers see the raid as a test of the new government.')).toBe('opinion');
    expect(label('Many fans regard the coach as a traitor.')).toBe('opinion');
    expect(label('Thousands saw the parade as well as the fireworks.')).not.toBe('opinion');
  });
});

describe('sixth round: "according to plan", "told a press conference", "known yet"', () => {
  it('"according to plan" and "according to the relative strength of" are measures, not sources', () => {
    expect(label('The rebel leader said the operation was going according to plan.')).not.toBe('unconfirmed');
    expect(label('The posts are shared according to the relative strength of each party.')).not.toBe('unconfirmed');
    expect(label('According to Rathbun, the guards took his passport.')).toBe('unconfirmed');
  });

  it('"told a press conference" is the press at large, no outlet in the chain', () => {
    const [claim] = suggestClaims('The safety board chairman told a press conference the train had been diverted.', {
      classifier: null,
    });
    expect(claim?.label).not.toBe('unconfirmed');
    expect(claim?.chain).toEqual(['The safety board chairman', 'the outlet']);
  });

  it('"the hottest planet known yet" withholds nothing; "is not known yet" does', () => {
    expect(label('Astronomers found the hottest planet known yet.')).not.toBe('unconfirmed');
    expect(label('The cause is not known yet.')).toBe('unconfirmed');
  });
});

describe('sixth session: speakers behind a second verb, a relative clause or a pronoun', () => {
  const claims = (text: string) => suggestClaims(text, { classifier: null });

  it('"X declared A and said B": X speaks', () => {
    const [claim] = claims('Governor Ellen Park declared a state of emergency and said the state would ask for aid.');
    expect(claim?.source).toEqual({ name: 'Governor Ellen Park', kind: 'named-official' });
  });

  it('the speaker before a relative clause is the source; asking for anonymity withholds nothing', () => {
    const [anonymous] = claims('An official who asked not to be named said the bridge had been closed.');
    expect(anonymous?.source).toEqual({ name: 'An official', kind: 'anonymous-official' });
    expect(anonymous?.label).not.toBe('unconfirmed');
    expect(anonymous?.cues.join(' ')).not.toMatch(/named/);
    expect(claims('Sam Ortiz, who heads the union, said the strike would go ahead.')[0]?.source?.name).toBe('Sam Ortiz');
    // Still withheld: nobody has named the victims yet.
    expect(claims('The victims have yet to be named.')[0]?.label).toBe('unconfirmed');
  });

  it('"..., said the plant was safe" is a clause after the verb, not a speaker', () => {
    const [claim] = claims('A spokesman, who declined to be identified, said the plant was safe.');
    expect(claim?.text).toBe('A spokesman, who declined to be identified, said the plant was safe');
    expect(claim?.source?.name).not.toBe('the plant was safe');
  });

  it('the people told to act are not the source', () => {
    expect(claims('Residents were told to boil their water.')[0]?.source).toEqual({ name: 'the outlet', kind: 'outlet' });
  });

  it('complaining is speaking', () => {
    expect(claims('Some residents complained that the response was slow.')[0]?.source).toEqual({
      name: 'Some residents',
      kind: 'party',
    });
  });

  it('"she" never points back to "officials"', () => {
    const found = claims('Officials said the dam held.\n\n"This is the worst flood we have seen," she said.');
    expect(found[1]?.source?.name).not.toBe('Officials');
    const named = claims('Officials said the dam held.\n\nMayor Ann Lee said more rain was coming. "We are ready," she said.');
    expect(named.at(-1)?.source?.name).toBe('Mayor Ann Lee');
  });
});

describe('sixth session: a court deciding a case, and a cause in dispute', () => {
  const claims = (text: string) => suggestClaims(text, { classifier: null });

  it('a judge dismissing a lawsuit decides a request; nobody denies a claim', () => {
    expect(claims('A federal judge dismissed a lawsuit which sought to stop the strikes.')[0]?.label).not.toBe('denial');
    expect(claims('The judge dismissed the complaint on Tuesday.')[0]?.label).not.toBe('denial');
    expect(claims('The ministry dismissed the report as false.')[0]?.label).toBe('denial');
  });

  it('"is disputed" with nobody named says the thing is not known: unconfirmed, not a denial', () => {
    expect(claims('The cause of the crash is disputed.')[0]?.label).toBe('unconfirmed');
    expect(claims('The figures are disputed by the opposition.')[0]?.label).toBe('denial');
  });
});

describe('sixth session, seventh batch: proposals rejected, participles, and a negation far away', () => {
  const claims = (text: string) => suggestClaims(text, { classifier: null });

  it('rejecting a call, a demand or a resolution refuses a proposal; it says no claim is false', () => {
    for (const text of [
      'The opposition leader rejected calls for power-sharing talks.',
      'The minister rejected such calls on Friday.',
      'The president has also rejected a call for a boycott.',
      'Iran dismisses United Nations resolution imposing sanctions',
    ])
      expect(claims(text)[0]?.label, text).not.toBe('denial');
    expect(claims('The ministry rejected the claims as false.')[0]?.label).toBe('denial');
  });

  it('a participle after a preposition qualifies its noun: "since disputed election" denies nothing', () => {
    expect(claims("Kenya's parliament meets for first time since disputed election")[0]?.label).not.toBe('denial');
  });

  it('"insist that there was no ..." answers a claim: a denial', () => {
    expect(claims('Officials insist that there was no commitment to lift the blockade.')[0]?.label).toBe('denial');
  });

  it('a "not" in a relative clause does not negate the guess after it', () => {
    expect(claims('An official who asked not to be named said the death toll could rise.')[0]?.label).toBe('opinion');
    expect(claims('Nobody could say when the road would reopen.')[0]?.label).not.toBe('opinion');
  });
});

describe('tenth round: attribution (who says so)', () => {
  const claims = (text: string) => suggestClaims(text, { classifier: null });
  const sourceOf = (text: string, fragment: string) => find(claims(text), fragment).source?.name;

  it('a name with letters beyond Latin-1 is one word, and speaks', () => {
    expect(sourceOf('Mayor Zoë Kowalczyk-Dąbrowska said the bridge would reopen.', 'bridge')).toBe(
      'Mayor Zoë Kowalczyk-Dąbrowska',
    );
    expect(sourceOf('Trần Văn Nam said the harvest was late.', 'harvest')).toBe('Trần Văn Nam');
  });

  it('"said in a televised interview": the participle is an adjective, the attribution still trails', () => {
    const text = '"The curfew will end on Friday," Halvorsen said in a televised interview.';
    expect(find(claims(text), 'curfew').text).not.toContain('Halvorsen');
    expect(sourceOf(text, 'curfew')).toBe('Halvorsen');
  });

  it('"...," X continued / remarked: after a quotation these verbs say who spoke; after a comma they do not', () => {
    expect(sourceOf('"The fares will rise in May," Okafor continued.', 'fares')).toBe('Okafor');
    expect(sourceOf('"Nobody expected this," remarked the harbour master.', 'Nobody')).toBe('the harbour master');
    expect(sourceOf('The river rose overnight, the rain continued.', 'river')).toBe('the outlet');
  });

  it('"The survey states that ...": a verb of saying wink tags a noun still names its subject', () => {
    expect(sourceOf('The survey states that few farms use the new seed.', 'farms')).toBe('The survey');
    expect(sourceOf('The ministry notes that the harvest was late.', 'harvest')).toBe('The ministry');
    expect(sourceOf('Several member states that have signed the pact objected.', 'pact')).toBe('the outlet');
  });

  it('a name with a long description closed by a comma before the verb is the subject', () => {
    expect(sourceOf('Amara Osei, head of the Farmers Union of Ghana (FUG), says the price of cocoa will fall.', 'cocoa')).toBe(
      'Amara Osei',
    );
    expect(
      sourceOf('Dr Lena Hart, director of the city clinic, and chair of the health board, says the ward is full.', 'ward'),
    ).toBe('Dr Lena Hart');
    expect(sourceOf('Tom Reyes for the Harbour Trust, says the pier is unsafe.', 'pier')).toContain('Tom Reyes');
  });

  it('"the Coastal Safety Board (CSB) said": the abbreviation in brackets is part of the subject, not its name', () => {
    expect(sourceOf('The Coastal Safety Board (CSB) said the beach would stay closed.', 'beach')).toBe(
      'The Coastal Safety Board',
    );
    expect(sourceOf('Yesterday the Coastal Safety Board (CSB) said the beach was shut.', 'beach')).toBe(
      'the Coastal Safety Board',
    );
  });

  it('"X called for / on ...": the call is an act the outlet reports; "X called Y reckless" is X\'s', () => {
    expect(sourceOf('The health agency has called for a ban on the pesticide.', 'ban')).toBe('the outlet');
    expect(sourceOf('The union called on the council to reopen the library.', 'library')).toBe('the outlet');
    expect(sourceOf('The mayor called the plan "reckless".', 'plan')).toBe('The mayor');
  });

  it('a verb of saying in the passive: the subject is what was said, not who said it', () => {
    expect(sourceOf('No injuries were reported in the blast.', 'injuries')).toBe('the outlet');
    expect(sourceOf('The winners were announced at noon.', 'winners')).toBe('the outlet');
    expect(sourceOf('Two ferries have been reported missing.', 'ferries')).toBe('the outlet');
    expect(sourceOf('The coast guard reported two ferries missing.', 'ferries')).toBe('The coast guard');
  });

  it('a subject giving a view without a verb of saying is its source', () => {
    expect(sourceOf('The ferry union has described the timetable as "a shambles".', 'timetable')).toBe('The ferry union');
    expect(sourceOf('The Harbour Trust expressed regret over the closure.', 'closure')).toBe('The Harbour Trust');
    expect(sourceOf('The survey revealed many pupils skip breakfast.', 'pupils')).toBe('The survey');
  });

  it('not an aim, a passive, or a verb that shows a thing rather than a view', () => {
    expect(sourceOf('The museum hopes to reopen the east wing next year.', 'wing')).toBe('the outlet');
    expect(sourceOf('The mayor mentioned the new bus lane.', 'bus lane')).toBe('the outlet');
    expect(sourceOf('Divers revealed the wreck of a steamer.', 'wreck')).toBe('the outlet');
    expect(sourceOf('The painting was described as a forgery.', 'forgery')).toBe('the outlet');
  });

  it('a quotation nobody is named for is the words of the speaker named just before it', () => {
    const text = 'The harbour master criticised the plan. "The new quay is far too small for the ferries."';
    expect(sourceOf(text, 'quay')).toBe('The harbour master');
    const pronoun = 'Okafor rejected the offer. "We will not sign," she said. "The terms are unfair to the crews."';
    expect(sourceOf(pronoun, 'terms')).toBe('Okafor');
    expect(sourceOf('The ferry sank at dawn. "It was terrifying."', 'terrifying')).toBe('the outlet');
  });

  it('"X was quoted (by / in Y) as saying": X speaks, through Y', () => {
    const trailing = '"I could see the doors clearly", one fisherman was quoted as saying to the newspaper Island Daily.';
    expect(find(claims(trailing), 'doors')).toMatchObject({
      source: { name: 'one fisherman' },
      chain: ['one fisherman', 'the newspaper Island Daily', 'the outlet'],
    });
    const leading = 'Marta Ruiz is quoted in the Valley Courier as saying the dam is safe.';
    expect(find(claims(leading), 'dam')).toMatchObject({
      source: { name: 'Marta Ruiz' },
      chain: ['Marta Ruiz', 'the Valley Courier', 'the outlet'],
    });
  });

  it('"X did A and B, saying ...": the speaker of the participle is the clause\'s subject', () => {
    const text =
      'Governor Ama Boateng visited the flooded market and met traders, saying the repairs would start in May. "We will not leave anyone behind," she said.';
    expect(sourceOf(text, 'repairs')).toBe('Governor Ama Boateng');
    expect(sourceOf(text, 'behind')).toBe('Governor Ama Boateng');
  });

  it("an interview set out as turns: each answer, and the paragraphs after it, are its speaker's", () => {
    const text = [
      'A talk with Nadia Karim Obi about rivers',
      'Wikinews: What is your role?',
      'NKO: I run the river trust. The water is getting dirtier every year.',
      'Wikinews: Why is that?',
      'NKO: Farms upstream use too much fertiliser.',
      'The council has ignored the problem for a decade.',
    ].join('\n\n');
    const all = claims(text);
    expect(find(all, 'dirtier').source?.name).toBe('Nadia Karim Obi');
    expect(find(all, 'fertiliser').source?.name).toBe('Nadia Karim Obi');
    expect(find(all, 'ignored').source?.name).toBe('Nadia Karim Obi');
    // One "Name:" line is no interview: a headline's or a statement's colon.
    expect(sourceOf('Floods: the river rose overnight.', 'river')).toBe('the outlet');
  });

  it('"Name, an aside with any words, said": the name speaks', () => {
    expect(sourceOf('Tomas Berg, the engineer leading the survey team, said the tunnel was sound.', 'tunnel')).toBe('Tomas Berg');
    expect(
      sourceOf('Ines Duarte, the nurse who runs the ward where the boy was treated, said he was recovering.', 'recovering'),
    ).toBe('Ines Duarte');
    expect(sourceOf('One nurse, speaking on condition of anonymity, said the ward was full.', 'ward')).toBe('nurse');
  });

  it('"X declared (that) ...": a declaration with a clause after it is X\'s', () => {
    expect(sourceOf('The rebels declared they would fight on.', 'fight')).toBe('The rebels');
    expect(sourceOf('The governor declared a state of emergency.', 'emergency')).toBe('the outlet');
  });

  it('\'"...," Name, an aside, told <outlet>\': the name speaks, the outlet is a link, not the source', () => {
    const text = '"The road to the port is closed," Omar Haddad, head of the port authority, told Reuters.';
    expect(find(claims(text), 'road')).toMatchObject({
      source: { name: 'Omar Haddad' },
      chain: ['Omar Haddad', 'Reuters', 'the outlet'],
    });
  });

  it("a view given after an opening phrase with verbs of its own is the subject's", () => {
    const text =
      'Mayor Lina Ortiz toured the docks on Monday. During talks on the repairs to be carried out, she described the harbour as "a disgrace".';
    expect(sourceOf(text, 'disgrace')).toBe('Mayor Lina Ortiz');
  });

  it('"X said previously in a press interview": adverbs before the complement do not stop the attribution', () => {
    const text = '"I did it alone," Marek said previously in a radio interview. "Nobody helped me."';
    expect(sourceOf(text, 'alone')).toBe('Marek');
    expect(sourceOf(text, 'Nobody')).toBe('Marek');
  });

  it('"On Friday, Name, an aside, told AFP:": the opening phrase is no part of the speaker', () => {
    const text = 'On Friday, Ruth Amadi, the director of Water Aid (WA, a charity), told AFP: "The wells are dry."';
    expect(find(claims(text), 'wells')).toMatchObject({
      source: { name: 'Ruth Amadi' },
      chain: ['Ruth Amadi', 'AFP', 'the outlet'],
    });
  });

  it('"X released / issued a statement: ..." is X\'s, and so is the quotation it opens', () => {
    const text =
      'Interior Minister Lea Novak released a statement on the case: "The decision will be reviewed. We owe the family that."';
    expect(sourceOf(text, 'reviewed')).toBe('Interior Minister Lea Novak');
    expect(sourceOf(text, 'owe')).toBe('Interior Minister Lea Novak');
    expect(sourceOf('The club issued a statement condemning the chants.', 'chants')).toBe('The club');
    expect(sourceOf('The band released a new album in May.', 'album')).toBe('the outlet');
  });

  it('a paragraph that is only a quotation goes on in the words of the last speaker before it', () => {
    const text = 'Mayor Ana Ruiz said the bridge would reopen.\n\n"We have waited long enough for the bridge."';
    expect(sourceOf(text, 'waited')).toBe('Mayor Ana Ruiz');
    const after = 'The storm passed on Sunday.\n\nThe harbour was closed.\n\n"Nobody could have seen the storm coming."';
    expect(claims(after).find((c) => c.text.includes('Nobody'))?.source?.name ?? 'the outlet').toBe('the outlet');
  });

  it('"Khalid al-Rashidi", then "Rashidi": one person, the name and kind first given', () => {
    const text =
      'Interior Minister Khalid al-Rashidi arrived in the port city on Monday. "The roads are open again," Rashidi said.';
    expect(find(claims(text), 'roads').source).toEqual({ name: 'Interior Minister Khalid al-Rashidi', kind: 'named-official' });
  });

  it('"It is reported that", "according to reports": the reports are the source, of an outlet\'s kind', () => {
    const reported = find(claims('It has been reported that the ferry left port without lifeboats.'), 'lifeboats');
    expect(reported.source).toEqual({ name: 'reports', kind: 'outlet' });
    expect(reported.chain).toEqual(['reports', 'the outlet']);
    expect(sourceOf('According to reports, the mill closed two of its sheds.', 'sheds')).toBe('reports');
    // A thing reported to someone, and "reportedly", stay the outlet's (as the gold labels take them).
    expect(sourceOf('Forty thefts were reported to the police last year.', 'thefts')).toBe('the outlet');
    expect(sourceOf('The singer reportedly cancelled three concerts.', 'concerts')).toBe('the outlet');
  });

  it('"the U.N.", "the United Nations", "WHO": institutions known by name; the pronoun "who" is not one', () => {
    expect(find(claims('The U.N. said 40 schools had closed.'), 'schools').source).toEqual({
      name: 'The U.N.',
      kind: 'institution',
    });
    expect(find(claims('The United Nations said 40 schools had closed.'), 'schools').source?.kind).toBe('institution');
    expect(find(claims('WHO said 40 clinics had closed.'), 'clinics').source).toEqual({ name: 'WHO', kind: 'institution' });
  });

  it("a headline that says what its subject did is in the outlet's voice; one that says what it says is the subject's", () => {
    const body = '\n\nThe town council met on Monday.';
    const act = find(claims(`Harbour board rejects plan for new ferry terminal${body}`), 'ferry');
    expect(act.source?.name).toBe('the outlet');
    expect(act.chain).toEqual(['the outlet']);
    expect(sourceOf(`Harbour board says ferry terminal will cost millions${body}`, 'ferry')).toBe('Harbour board');
    expect(sourceOf(`Ferry terminal will cost millions, says harbour board${body}`, 'millions')).toBe('harbour board');
    // Not a headline: a sentence of the body keeps its subject.
    expect(sourceOf('The harbour board denied that the ferry terminal would close.', 'ferry')).toBe('The harbour board');
  });

  it('"Mr. Okafor", "Dr. Okafor" after "Daniel Okafor" was named: the full name', () => {
    const text = 'Daniel Okafor opened the new clinic on Monday.\n\n"We will treat everyone who comes," said Mr. Okafor.';
    expect(sourceOf(text, 'treat')).toBe('Daniel Okafor');
    const doctor = 'The clinic hired Daniel Okafor in May.\n\nDr. Okafor said the clinic would open on Sundays.';
    expect(sourceOf(doctor, 'Sundays')).toBe('Daniel Okafor');
    // Named only with the honorific: as the article gives it. "Professor X" stays as it is.
    expect(sourceOf('Mr. Okafor said the clinic would open on Sundays.', 'Sundays')).toBe('Mr. Okafor');
    const professor = 'The clinic hired Daniel Okafor in May.\n\nProfessor Okafor said the clinic would open on Sundays.';
    expect(sourceOf(professor, 'Sundays')).toBe('Professor Okafor');
  });

  it('a bare surname named earlier after an office, though not as a speaker, is a named official', () => {
    const text = 'The delegation met Trade Minister Selma Vukovic in the capital on Tuesday. Vukovic said the tariffs would go.';
    expect(find(claims(text), 'tariffs').source?.kind).toBe('named-official');
    expect(
      find(claims('Crowds cheered for Selma Vukovic at the match. Vukovic said the tariffs would go.'), 'tariffs').source?.kind,
    ).toBe('party');
  });

  it('"The study found", "the researchers found", "the report notes": the study, its authors or the report', () => {
    const study = find(claims('The study found that most of the lake trout had moved north.'), 'trout');
    expect(study.source).toEqual({ name: 'The study', kind: 'expert' });
    expect(study.chain).toEqual(['The study', 'the outlet']);
    expect(sourceOf('The researchers also found two more species of beetle in the cave.', 'beetle')).toBe('The researchers');
    expect(find(claims('The report notes that rents rose by 12 percent.'), 'rents').source).toEqual({
      name: 'The report',
      kind: 'institution',
    });
    // Not a study that is only the subject of an event.
    expect(sourceOf('The study was funded by the city council.', 'funded')).toBe('the outlet');
  });
});
