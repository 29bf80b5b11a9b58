import fc from 'fast-check';
import { normaliseComment } from '../../../bot/domain/answer';
import { DEMO_COMMENTS } from '../../../bot/demo/demoComments';
import type { ConcernKind } from '../../../bot/domain/safeguarding/concernKinds';
import { concernKindsIn, findConcerns, withIdentifyingPartsRemoved } from '../../../bot/domain/safeguarding/findConcerns';
import { hasNhsCheckDigit } from '../../../bot/domain/safeguarding/recordNumbers';

/**
 * Issue 12, "A comment that should not be in an audit": what the rules catch, and the ordinary
 * comments of a children's social care audit that must pass (false alarms cost goodwill). Every
 * name, number and address here is made up (Ofcom's drama numbers, the NHS's test-style numbers).
 */

/** Each example, with what it must be caught as, and the text the catch must cover. */
const CAUGHT: readonly (readonly [comment: string, kind: ConcernKind, covers: string])[] = [
  // A person's name: a child, a parent, a colleague.
  ['I spoke to Sarah about this and nothing changed', 'name', 'Sarah'],
  ['Jayden Smith has had four social workers this year', 'name', 'Jayden Smith'],
  ['Mrs Patel in the Front Door team never returns calls', 'name', 'Mrs Patel'],
  ['Supervision with Kevin is always cancelled', 'name', 'Kevin'],
  ["Amelia's school raised it twice", 'name', 'Amelia'],
  ['Grace Adeyemi was moved without a handover', 'name', 'Grace Adeyemi'],
  ['Dr Okafor refused the strategy meeting', 'name', 'Dr Okafor'],
  ['We waited weeks for Mr Hughes to sign it off', 'name', 'Mr Hughes'],
  ['Olivia and her brother were placed apart', 'name', 'Olivia'],
  // Names from every background a UK service serves, alone, in pairs and possessive.
  ['Priya in the duty team told me about it', 'name', 'Priya'],
  ['I spoke to Priya Shah in the duty team', 'name', 'Priya Shah'],
  ['Kasia Nowak said it was never followed up', 'name', 'Kasia Nowak'],
  ['Aisha Begum told me about the visit', 'name', 'Aisha Begum'],
  ["Siobhan O'Brien chairs it and is great", 'name', "Siobhan O'Brien"],
  ['Oluwaseun Adeyemi left with no handover', 'name', 'Oluwaseun Adeyemi'],
  ["Łukasz Wiśniewski's plan drifted", 'name', 'Łukasz Wiśniewski'],
  ['Ask Chukwuemeka about the rota', 'name', 'Chukwuemeka'],
  ['The worker for Mohammed changed three times', 'name', 'Mohammed'],
  ['We visited Zeynep Yilmaz twice', 'name', 'Zeynep Yilmaz'],
  ['Call Sam Jones about it', 'name', 'Sam Jones'],
  // A case or record number.
  ['See case number 1234567 for what I mean', 'case-number', 'case number 1234567'],
  ['Mosaic ID: 445566 shows the drift', 'case-number', 'Mosaic ID: 445566'],
  ['LCS ref 98765 was closed too early', 'case-number', 'LCS ref 98765'],
  ['The plan on CP/2023/0456 was never reviewed', 'case-number', 'CP/2023/0456'],
  ['Record LCS123456 was copied wrongly', 'case-number', 'Record LCS123456'],
  ['Copied from LCS123456 wrongly', 'case-number', 'LCS123456'],
  ['Look at 20241187 on the system', 'case-number', '20241187'],
  ['case ref: AB-10293 went to panel twice', 'case-number', 'case ref: AB-10293'],
  // A date of birth.
  ['The child (DOB 12/03/2015) waited months', 'date-of-birth', 'DOB 12/03/2015'],
  ['born on 3 March 2016 and still no permanence plan', 'date-of-birth', 'born on 3 March 2016'],
  ['date of birth: 01.02.2012', 'date-of-birth', 'date of birth: 01.02.2012'],
  ['d.o.b. 4th of July 2019', 'date-of-birth', 'd.o.b. 4th of July 2019'],
  ['a boy born in 2017', 'date-of-birth', 'born in 2017'],
  ['d.o.b 5/6/18', 'date-of-birth', 'd.o.b 5/6/18'],
  // An NHS number (valid modulus 11 check digits).
  ['NHS 943 476 5919 on the referral', 'nhs-number', '943 476 5919'],
  ['Number 9434765919 was on the form', 'nhs-number', '9434765919'],
  ['It was 401-023-2137 on the letter', 'nhs-number', '401-023-2137'],
  // A UK postcode.
  ['The family live at SW1A 1AA', 'postcode', 'SW1A 1AA'],
  ['visits to m1 1ae are never covered', 'postcode', 'm1 1ae'],
  ['Moved to EC1A1BB last month', 'postcode', 'EC1A1BB'],
  ['Out of area placement in B33 8TH', 'postcode', 'B33 8TH'],
  // An email address.
  ['Email sam.jones@example.org.uk if you want the details', 'email', 'sam.jones@example.org.uk'],
  ['contact duty+team@council.example.gov.uk', 'email', 'duty+team@council.example.gov.uk'],
  // A telephone number.
  ['Call me on 07700 900123', 'phone', '07700 900123'],
  ['the duty line 020 7946 0958 rings out', 'phone', '020 7946 0958'],
  ['Ring +44 117 496 0000 and ask for the manager', 'phone', '+44 117 496 0000'],
  ['mobile 07911123456', 'phone', '07911123456'],
  ['(0161) 496 0123 is the out of hours number', 'phone', '(0161) 496 0123'],
  ['tel: 0300 123 4567', 'phone', '0300 123 4567'],
  ['+447700900123 is mum', 'phone', '+447700900123'],
  // Words that describe harm to a child.
  ['The boy on my caseload has bruises on his arms', 'harm-to-child', 'bruises'],
  ['Mum hit him again last week and nobody acted', 'harm-to-child', 'hit him'],
  ['She told me her stepdad touches her', 'harm-to-child', 'touches her'],
  ['A 14-year-old on our team is self-harming', 'harm-to-child', 'self-harming'],
  ['the baby had a fracture and was sent home', 'harm-to-child', 'fracture'],
  ['He was sexually abused by an uncle', 'harm-to-child', 'sexually abused'],
  ['The child was left alone for two days', 'harm-to-child', 'left alone'],
  ['Her daughter is being neglected and no one listens', 'harm-to-child', 'neglected'],
  ['The young person told me she is being groomed', 'harm-to-child', 'groomed'],
  ['Dad punched his son in front of me', 'harm-to-child', 'punched his son'],
  ['the girl had cigarette burns on her hands', 'harm-to-child', 'cigarette burns on'],
  ['he has been beaten at home', 'harm-to-child', 'beaten'],
  ['a toddler with a black eye', 'harm-to-child', 'black eye'],
  ['aged 6 and witnessed domestic violence at home', 'harm-to-child', 'witnessed domestic violence'],
  ["A child's injuries were not followed up", 'harm-to-child', 'injuries'],
  ['She told me a child was hit at home', 'harm-to-child', 'was hit'],
  ['The boy got hurt again on contact', 'harm-to-child', 'got hurt'],
  ['She told me about a child at risk', 'harm-to-child', 'at risk'],
  // Written to slip past the rules.
  ['NHS 943.476.5919 on the referral', 'nhs-number', '943.476.5919'],
  ['ring 0 7 7 0 0 9 0 0 1 2 3 after six', 'phone', '0 7 7 0 0 9 0 0 1 2 3'],
  ['or 07.700.900.123', 'phone', '07.700.900.123'],
  ['write to sam.jones at example dot com', 'email', 'sam.jones at example dot com'],
  ['sam (at) example [dot] org', 'email', 'sam (at) example [dot] org'],
  // Look-alike letters (Cyrillic Ѕ and а) and Arabic-Indic digits.
  ['\u0405\u0430r\u0430h Jones was moved', 'name', '\u0405\u0430r\u0430h Jones'],
  ['The child (D\u041EB 12/03/2015) waited', 'date-of-birth', 'D\u041EB 12/03/2015'],
  ['b\u043Ern on 3 March 2016 and still waiting', 'date-of-birth', 'b\u043Ern on 3 March 2016'],
  ['Call \u0660\u0667\u0667\u0660\u0660\u0669\u0660\u0660\u0661\u0662\u0663', 'phone', '\u0660\u0667\u0667\u0660\u0660\u0669\u0660\u0660\u0661\u0662\u0663'],
];

/** Ordinary comments of a children's social care self-audit: none may be caught. */
const ORDINARY: readonly string[] = [
  'Supervision happens monthly but is often cancelled',
  'Our manager listens',
  'We need more time for direct work with children',
  'Caseloads are 25+',
  'Since March 2024 things improved',
  'The Signs of Safety model helps',
  'Team meetings every Tuesday',
  'Ofsted visit in 2023',
  'Front Door is overwhelmed',
  'Principal Social Worker is visible',
  'Will the new practice model last?',
  'Grace and Hope are the values on our wall',
  'Faith in senior leaders is low after the restructure',
  'May and June were the worst months for sickness',
  'Mark my words, the duty rota will break again',
  'Will is the word: people want to, but there is no time',
  'Hope is not a strategy; we need more social workers',
  'Our team manager and the head of service both attend practice week',
  'The Director of Children\'s Services came to our team meeting in January',
  'Group supervision every other Wednesday is the best thing we do',
  'Systemic practice training was excellent but there was no follow-up',
  'We use the Graded Care Profile 2 for neglect and it works well',
  'Neglect training helped me see the whole picture',
  'Our neglect strategy is good on paper',
  'She leads our neglect work and is brilliant',
  'Domestic abuse referrals are rising and MARAC is stretched',
  'Training on child sexual exploitation was the best this year',
  'Child protection conferences are well chaired',
  'Child in need plans drift when workers change',
  'The child\'s voice is heard in most assessments',
  'Looked after children reviews happen on time',
  'Contextual safeguarding is still new to most of us',
  'Self-harm training for the whole service would help',
  'He is a supportive manager who always makes time',
  'Her approach to supervision is reflective and kind',
  'Agency staff leave after three months, so families keep changing worker',
  'Section 47 enquiries take up most of the week',
  'We had 120 cases open in the team in 2022-2023',
  'Between 2019 and 2024 staffing was never above 70%',
  'Our ASYE programme is strong; the second year is not',
  'Level 3 safeguarding training is booked for all staff',
  'Working Together 2023 changed how strategy meetings run',
  'Since Munro, we talk about relationships more than procedures',
  'Attachment theory (Bowlby) comes up in every case discussion',
  'The MASH is co-located with police, which helps',
  'Audits come back late and nobody reads them',
  'Practice week in the spring was a good start',
  'IT is slow; Mosaic takes ages to load',
  'We record visits the same day most of the time',
  'Family group conferences are used more than before',
  'The case load is 18 on average, which is manageable',
  'Students say the placement was well supported',
  'Hybrid working means less informal learning from colleagues',
  'The edge of care team is small but excellent',
  'Our PSW runs a reflective session every month',
  'Leaders hit their targets but practice did not change',
  'The new manager hit the ground running',
  'Staff are burnt out after the inspection',
  'I feel neglected by senior managers',
  'We were left alone to cover the duty rota in August',
  'Mental health support for young people is hard to access',
  'Young people say they like having the same worker',
  'Children tell us they want fewer changes of social worker',
  'The Front Door threshold document is clear',
  'Team meetings start at 9:30 and run over',
  'Pay is behind neighbouring councils by about 10%',
  'Two out of five posts are vacant in our team',
  'The recording policy was updated on 12 May',
  'The new rota started on 01.09.2024 and works better',
  'Strategy meetings since 3-4-2024 include education',
  'Ofsted said our practice was good in 2023',
  'A shout-out to business support, who keep us going',
  'Court work takes about 30 hours a week at times',
  'More time for life story work with children in care',
  'The Family Hub is a good front door for early help',
  'Quality assurance is done to us, not with us',
  'Caseloads of 20 to 25 are normal here',
  'Our service manager does not answer emails',
  'Newly qualified workers need protected caseloads',
  'Handovers between teams lose information',
  'Performance data is shared monthly at the team meeting',
  'Peer audits have helped us learn from each other',
  // Capitalised terms of the service and of the law, which name no one.
  'Our Head of Service came to Practice Week',
  'The Duty Desk and the Early Help Hub work well together',
  'Children at risk of exploitation get a quick response',
  'Risk is discussed in every Group Supervision',
  'The Family Safeguarding model and Motivational Interviewing training helped',
  'Social Work England registration renewals were smooth',
  'Our Principal Social Worker runs the Practice Forum',
  'The Independent Reviewing Officer service is stretched',
  'Since Jan the Front Door has had two new managers',
  'She was hurt by the way the restructure was handled',
  'Our Eid and Diwali celebrations bring the team together',
  'The Black History Month events were well attended',
  'Working with the Youth Justice Service is easier now',
  'Call numbers to the MASH rose 12 per cent this year',
  'We met at the office and then went for coffee',
  'Budgets for 2024 to 2025 are tight',
  'a 👩\u200d👧 family emoji is fine',
  ...DEMO_COMMENTS.map((comment) => comment.text),
];

describe('what counts as identifying: each kind caught', () => {
  it.each(CAUGHT)('%j is caught as %s', (comment, kind, covers) => {
    const found = findConcerns(comment).filter((concern) => concern.kind === kind).map((concern) => comment.slice(concern.start, concern.end));
    expect(found).toContain(covers);
  });

  it('names the kinds found once each, in the kinds\' own order', () => {
    expect(concernKindsIn('Jayden Smith (DOB 12/03/2015) lives at SW1A 1AA, call 07700 900123 or jo@example.org; Jayden Smith again')).toEqual(['name', 'date-of-birth', 'postcode', 'email', 'phone']);
  });

  it('calls a ten-digit number an NHS number only when its check digit holds', () => {
    expect(hasNhsCheckDigit('9434765919')).toBe(true);
    expect(hasNhsCheckDigit('9434765918')).toBe(false);
    // 10 as the check is never issued: no ten digits starting 000000001 carry a valid one.
    expect(hasNhsCheckDigit('0000000010')).toBe(false);
    expect(concernKindsIn('NHS 943 476 5918')).not.toContain('nhs-number');
  });
});

describe('what counts as identifying: ordinary comments pass', () => {
  it('has a corpus of at least 60 ordinary comments', () => {
    expect(ORDINARY.length).toBeGreaterThanOrEqual(60);
  });

  it.each(ORDINARY)('%j passes', (comment) => {
    expect(findConcerns(comment).map((concern) => `${concern.kind}: ${comment.slice(concern.start, concern.end)}`)).toEqual([]);
  });
});

describe('what the rules read is what a leader reads', () => {
  it.each([
    ['a zero-width space inside a name', 'Sa\u200Brah Smith was moved', 'Sarah Smith was moved'],
    ['a soft hyphen and a joiner inside a name', 'Pri\u00ADya Sh\u200Dah told me', 'Priya Shah told me'],
    ['full-width digits', 'Call \uFF10\uFF17\uFF17\uFF10\uFF10 \uFF19\uFF10\uFF10\uFF11\uFF12\uFF13', 'Call 07700 900123'],
    ['mathematical bold letters', '\u{1D412}\u{1D41A}\u{1D42B}\u{1D41A}\u{1D421} told me', 'Sarah told me'],
  ])('%s is folded before the check, and so caught', (_what, typed, read) => {
    expect(normaliseComment(typed)).toBe(read);
    expect(findConcerns(normaliseComment(typed))).not.toEqual([]);
  });

  it('keeps an emoji sequence whole', () => {
    expect(normaliseComment('Team 👩\u200d👧 day')).toBe('Team 👩\u200d👧 day');
  });
});

describe('findConcerns on any text', () => {
  it('never throws, and every concern lies within the text, in order', () => {
    const pieces = fc.constantFrom('Sarah', ' ', '07700 900123', 'DOB ', '12/03/2015', 'SW1A 1AA', 'hit him', '@', '.', '\n', '😀', '943 476 5919', 'case ', '1234567', 'the child', 'neglect', 'Mrs ', "'s");
    const comment = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 }), fc.array(pieces, { maxLength: 40 }).map((parts) => parts.join('')));
    fc.assert(
      fc.property(comment, (text) => {
        const found = findConcerns(text);
        let last = 0;
        for (const { start, end } of found) {
          expect(Number.isInteger(start) && Number.isInteger(end)).toBe(true);
          expect(start).toBeGreaterThanOrEqual(last);
          expect(end).toBeGreaterThan(start);
          expect(end).toBeLessThanOrEqual(text.length);
          last = end;
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("the champion's starting copy", () => {
  it('replaces each identifying part with [removed] and keeps the words that describe harm', () => {
    expect(withIdentifyingPartsRemoved('Call Sam Jones on 07700 900123 about supervision')).toBe('Call [removed] on [removed] about supervision');
    expect(withIdentifyingPartsRemoved('Tom said his mum hits him')).toBe('[removed] said his mum hits him');
    expect(withIdentifyingPartsRemoved('Supervision happens monthly but is often cancelled')).toBe('Supervision happens monthly but is often cancelled');
  });
});
