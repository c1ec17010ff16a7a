/**
 * A negated or withheld confirmation is never suggested as confirmed, nor as a denial
 * (docs/labelling-guide.md, rule 3 and its hard case). The first forms come from the corpus, the rest
 * from how news is written.
 */
import { describe, expect, it } from 'vitest';
import { suggestClaims } from './analyse';

const FROM_THE_CORPUS = [
  "The military has not yet commented on the policeman's report.",
  'The group said it had heard reports about groups purchasing firearms but has as yet been unable to independently verify the claims.',
  'Zenawi has not commented on the allegations.',
  'The FNA has yet to comment on the incident.',
  'Malaysia said the debris could be from MH370, but no official confirmation has been made.',
  '"We are investigating the reports and do not have any further details at this time."',
  '"We take document security seriously," she said, but refused to give any more details.',
];

const AS_NEWS_IS_WRITTEN = [
  'The Kremlin said it was unable to confirm the report.',
  'Kremlin Says Unable to Confirm Drone Was Shot Down',
  'The ministry has yet to confirm the death toll.',
  'Police have not confirmed the identity of the victim.',
  'The army could not independently verify the footage.',
  'Reuters could not immediately confirm the claims.',
  'The company declined to comment on the figures.',
  'A spokesman declined to confirm the meeting.',
  'Officials refused to confirm how many people were arrested.',
  'The White House did not confirm the visit.',
  "The agency wouldn't confirm the numbers.",
  'The hospital cannot confirm that the patient has died.',
  'The claim could not be verified.',
  'The report could not be independently verified.',
  'There was no immediate confirmation from the ministry.',
  'There has been no confirmation of the deaths.',
  'The government neither confirmed nor denied the report.',
  'The ministry did not confirm or deny the account.',
  'The embassy did not deny the report.',
  'Nobody has confirmed the figure.',
  'No one has confirmed that the plane was shot down.',
  'Confirmation was not given by the ministry.',
  'The club is still awaiting confirmation of the transfer.',
  'The result is pending confirmation by the electoral board.',
  'The mayor stopped short of confirming the closure.',
  'The police failed to confirm the arrests.',
  'The minister has still not confirmed whether the talks took place.',
  'The spokesman said he was not in a position to confirm the figures.',
  'The airline did not respond to a request for comment.',
  'The firm did not immediately respond to requests for comment.',
  'The prime minister could not be reached for comment.',
  'Authorities have not yet verified the video.',
  'The cause of the fire has not been confirmed.',
  'It has not been confirmed whether anyone was hurt.',
  'The death toll is yet to be confirmed.',
  'The details have yet to be verified.',
  'The mayor said she could not confirm the number of people evacuated.',
  'A spokesman said: "I don\'t have this kind of information."',
  '"We cannot confirm this at the moment," a spokeswoman said.',
  '"I can\'t confirm that," the coach told reporters.',
  'The ministry was unable to verify the report.',
  'The team has not commented on the rumours.',
  'Russian officials have not commented.',
  'Without confirmation from the army, the figure remains a claim.',
  'Reuters, citing an anonymous U.S. official, reported the drone was downed, but the Pentagon has not confirmed it.',
  'The ministry, quoted by Interfax, said it could not confirm the figure.',
  'Officials told the BBC they had no information about the crew.',
];

/** Third round: forms of withholding written without "confirm" (say, respond, release, establish). */
const MORE_AS_NEWS_IS_WRITTEN = [
  'The company declined to elaborate on the figures.',
  'The ministry would not say whether the talks had taken place.',
  'The army refused to be drawn on the number of casualties.',
  'The police were not immediately available for comment.',
  'There was no immediate comment from the embassy.',
  'Officials did not immediately respond to questions about the crash.',
  'The club has remained tight-lipped about the transfer.',
  'It was not possible to independently verify the footage.',
  'There was no independent verification of the claims.',
  'The figures cannot be independently verified.',
  'The government has not acknowledged the arrests.',
  'The Pentagon would neither confirm nor deny the strike.',
  "The hospital gave no details on the patient's condition.",
  'The cause of the crash has not been established.',
  'It was not clear who fired the first shot.',
  'The ministry has not yet released a death toll.',
  'The spokesman declined to give further details about the arrests.',
  'The company did not return calls seeking comment.',
  'Whether the plane was shot down has not been determined.',
  'The White House has not publicly confirmed the meeting.',
  'No official has confirmed the number of dead.',
  'The airline has yet to release the names of the passengers.',
  'The embassy did not reply to an email seeking comment.',
  'The agency did not provide evidence for the claim.',
  'The ministry has not said how many people were evacuated.',
  'Police did not say whether the suspect was armed.',
  'The club has not disclosed the fee.',
  'The army has not explained why the convoy was hit.',
  'No explanation has been given for the deaths.',
  'No motive was offered by the police.',
];

/** Sixth round: "known yet" with its negation, and what an inquiry has yet to find out. */
const NOT_YET_KNOWN = [
  'The cause of the fire is not known yet.',
  'It is not yet known how many people were on board.',
  'The identity of the gunman is not known yet.',
  'Investigators are still working to learn why the engine failed.',
  'Tests could reveal whether the water was contaminated.',
  'Police have yet to find out how the fire started.',
];

describe('a negated or withheld confirmation', () => {
  const forms = [...FROM_THE_CORPUS, ...AS_NEWS_IS_WRITTEN, ...MORE_AS_NEWS_IS_WRITTEN, ...NOT_YET_KNOWN];

  it('is collected in at least 40 forms', () => {
    expect(new Set(forms).size).toBeGreaterThanOrEqual(40);
  });

  it.each(forms)('is never confirmed nor a denial: %s', (sentence) => {
    const suggestions = suggestClaims(sentence);
    expect(suggestions.length, 'the sentence gets a suggestion').toBeGreaterThan(0);
    for (const s of suggestions) expect(['confirmed', 'denial'], s.text).not.toContain(s.label);
    expect(suggestions.some((s) => s.label === 'unconfirmed')).toBe(true);
  });
});
