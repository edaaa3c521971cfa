import { describe, expect, it } from 'vitest';
import { conjugate, nounForms } from '../../src/events/inflect.js';
import { buildLexicon, getDefaultLexicon } from '../../src/events/lexicon.js';
import { TriggerTableError, validateTriggerRows } from '../../src/events/trigger-table.js';
import { buildEventRecords } from '../../src/events/records.js';
import { argsOf, eventsOf, makeDoc, TEST_PROVENANCE } from '../helpers/events.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

function only(type: string, records: ReturnType<typeof eventsOf>) {
  const found = records.filter((r) => r.type === type);
  expect(found.map((r) => `${r.type} ${r.trigger.text}`), `events: ${records.map((r) => `${r.type}:${r.trigger.text}`).join(', ')}`).toHaveLength(1);
  return found[0]!;
}

describe('inflection by rule', () => {
  it('conjugates first-group verbs with their spelling changes', () => {
    const forms = (lemma: string) => conjugate(lemma, 'er').map((f) => f.form);
    expect(forms('quitter')).toEqual(expect.arrayContaining(['quitte', 'quitté', 'quittée', 'quittés', 'quitta', 'quittèrent', 'quittera', 'quitterait', 'quittant']));
    expect(forms('annoncer')).toEqual(expect.arrayContaining(['annonçait', 'annonça', 'annonçant', 'annoncé']));
    expect(forms('lever')).toEqual(expect.arrayContaining(['lève', 'lèvent', 'levé', 'lèvera']));
    expect(forms('céder')).toEqual(expect.arrayContaining(['cède', 'cédé', 'céderont']));
    expect(forms('manifester')).toContain('manifeste');
    expect(forms('manifester')).not.toContain('manifèste');
  });
  it('conjugates -ir, -re and irregular verbs and tags tenses', () => {
    expect(conjugate('investir', 'ir').map((f) => f.form)).toEqual(expect.arrayContaining(['investit', 'investissent', 'investi', 'investie']));
    expect(conjugate('vendre', 're').map((f) => f.form)).toEqual(expect.arrayContaining(['vend', 'vendu', 'vendue', 'vendra']));
    const lexicon = getDefaultLexicon();
    expect(lexicon.byFirstWord.get('rejoint')?.[0]?.row.lemma).toBe('rejoindre');
    expect(lexicon.byFirstWord.get('rejoindra')?.[0]?.tense).toBe('fut');
    expect(lexicon.byFirstWord.get('pourrait')).toBeUndefined();
    expect(nounForms('procès').map((f) => f.form)).toEqual(['procès']);
    expect(nounForms('départ').map((f) => f.form)).toEqual(['départ', 'départs']);
  });
});

describe('trigger families', () => {
  it('Personnel.End-Position: verb, participle, noun with `de`', () => {
    const quit = only('Personnel.End-Position', eventsOf({ text: 'Marie Dupont a quitté Renault en 2021.', entities: [['Marie Dupont', 'PER'], ['Renault', 'ORG']], timexes: [['2021', '2021']] }));
    expect(argsOf(quit)).toEqual(['organization=Renault', 'person=Marie Dupont']);
    expect(quit.time?.value).toBe('2021');
    expect(quit.trigger.lemma).toBe('quitter');
    const layoff = only('Personnel.End-Position', eventsOf({ text: 'Le constructeur Renault a annoncé le licenciement de 300 salariés.', entities: [['Renault', 'ORG']] }));
    expect(argsOf(layoff)).toEqual(['organization=Renault', 'person=300 salariés']);
    expect(layoff.arguments.find((a) => a.role === 'person')).toMatchObject({ kind: 'nominal', entity: '', count: 300, head: { text: 'salariés' } });
    const resign = only('Personnel.End-Position', eventsOf({ text: 'La démission de Jean Castex a surpris Matignon.', entities: [['Jean Castex', 'PER'], ['Matignon', 'LOC']] }));
    expect(argsOf(resign)).toEqual(['person=Jean Castex']);
    const leave = only('Personnel.End-Position', eventsOf({ text: "Le départ de Paul Martin de la BNP a été confirmé.", entities: [['Paul Martin', 'PER'], ['BNP', 'ORG']] }));
    expect(argsOf(leave)).toEqual(['organization=BNP', 'person=Paul Martin']);
  });

  it('does not take `au départ` or `point de départ` for a departure', () => {
    const records = eventsOf({ text: 'Au départ, Luc Besson voulait tourner à Paris. Le point de départ de Luc Besson était simple.', entities: [['Luc Besson', 'PER'], ['Paris', 'LOC']] });
    expect(records.filter((r) => r.type === 'Personnel.End-Position')).toEqual([]);
  });

  it('Personnel.Start-Position, Nominate, Elect', () => {
    const join = only('Personnel.Start-Position', eventsOf({ text: 'Sophie Martin a rejoint Airbus en 2019.', entities: [['Sophie Martin', 'PER'], ['Airbus', 'ORG']], timexes: [['2019', '2019']] }));
    expect(argsOf(join)).toEqual(['organization=Airbus', 'person=Sophie Martin']);
    const named = only('Personnel.Nominate', eventsOf({ text: 'Gabriel Attal a été nommé à la tête du gouvernement par Emmanuel Macron.', entities: [['Gabriel Attal', 'PER'], ['Emmanuel Macron', 'PER']] }));
    expect(argsOf(named)).toEqual(['agent=Emmanuel Macron', 'organization=du gouvernement', 'person=Gabriel Attal']);
    const elected = only('Personnel.Elect', eventsOf({ text: 'François Hollande a été élu président le 6 mai 2012.', entities: [['François Hollande', 'PER']], timexes: [['6 mai 2012', '2012-05-06']] }));
    expect(argsOf(elected)).toEqual(['person=François Hollande']);
    expect(elected.time?.value).toBe('2012-05-06');
  });

  it('Business: founding (apposition), closing, merger, bankruptcy', () => {
    const founder = only('Business.Start-Org', eventsOf({ text: 'Xavier Niel, fondateur de Free, investit dans les start-up.', entities: [['Xavier Niel', 'PER'], ['Free', 'ORG']] }));
    expect(argsOf(founder)).toEqual(['agent=Xavier Niel', 'organization=Free']);
    const closing = only('Business.End-Org', eventsOf({ text: "Michelin a annoncé la fermeture de son usine de Cholet.", entities: [['Michelin', 'ORG'], ['Cholet', 'LOC']] }));
    expect(argsOf(closing)).toEqual(['organization=Michelin', 'place=Cholet']);
    const merger = only('Business.Merge-Org', eventsOf({ text: 'Peugeot a fusionné avec Fiat Chrysler.', entities: [['Peugeot', 'ORG'], ['Fiat Chrysler', 'ORG']] }));
    expect(argsOf(merger)).toEqual(['organization=Fiat Chrysler', 'organization=Peugeot']);
    const bankrupt = only('Business.Declare-Bankruptcy', eventsOf({ text: 'La société Camaïeu a déposé le bilan.', entities: [['Camaïeu', 'ORG']] }));
    expect(bankrupt.trigger.text).toBe('déposé le bilan');
  });

  it('Transaction: raising money needs money words; acquisitions', () => {
    const raised = only('Transaction.Transfer-Money', eventsOf({ text: 'Mistral AI a levé 600 millions d’euros pour son développement.', entities: [['Mistral AI', 'ORG']] }));
    expect(argsOf(raised)).toEqual(['agent=Mistral AI', 'money=600 millions d’euros']);
    expect(raised.arguments.find((a) => a.role === 'money')?.amount).toEqual({ value: 600e6, currency: 'EUR' });
    expect(eventsOf({ text: 'Paul Dupont a levé la main.', entities: [['Paul Dupont', 'PER']] })).toEqual([]);
    const bought = only('Transaction.Transfer-Ownership', eventsOf({ text: 'Microsoft a racheté Activision en 2023.', entities: [['Microsoft', 'ORG'], ['Activision', 'ORG']], timexes: [['2023', '2023']] }));
    expect(argsOf(bought)).toEqual(['agent=Microsoft', 'target=Activision']);
  });

  it('Justice: investigation (support verb), arrest (passive), charge, trial, suit, conviction, fine', () => {
    const inquiry = only('Justice.Investigate', eventsOf({ text: 'Le parquet de Paris a ouvert une enquête sur Lafarge.', entities: [['Paris', 'LOC'], ['Lafarge', 'ORG']] }));
    expect(argsOf(inquiry)).toEqual(['agent=Le parquet', 'target=Lafarge']);
    const arrest = only('Justice.Arrest-Jail', eventsOf({ text: 'Carlos Ghosn a été arrêté à Tokyo.', entities: [['Carlos Ghosn', 'PER'], ['Tokyo', 'LOC']] }));
    expect(argsOf(arrest)).toEqual(['person=Carlos Ghosn', 'place=Tokyo']);
    expect(arrest.place?.canonical).toBe('Tokyo');
    expect(only('Justice.Charge-Indict', eventsOf({ text: 'Nicolas Sarkozy a été mis en examen.', entities: [['Nicolas Sarkozy', 'PER']] })).trigger.text).toBe('mis en examen');
    expect(argsOf(only('Justice.Trial-Hearing', eventsOf({ text: 'Le procès de Jérôme Cahuzac s’ouvre lundi.', entities: [['Jérôme Cahuzac', 'PER']] })))).toEqual(['person=Jérôme Cahuzac']);
    const suit = only('Justice.Sue', eventsOf({ text: 'Apple a attaqué Samsung en justice.', entities: [['Apple', 'ORG'], ['Samsung', 'ORG']] }));
    expect(argsOf(suit)).toEqual(['agent=Apple', 'target=Samsung']);
    const convicted = only('Justice.Convict', eventsOf({ text: 'Bernard Tapie a été condamné par la cour d’appel.', entities: [['Bernard Tapie', 'PER']] }));
    expect(argsOf(convicted)).toEqual(['agent=la cour d’appel', 'person=Bernard Tapie']);
    expect(argsOf(only('Justice.Fine', eventsOf({ text: 'La CNIL a infligé une amende à Google.', entities: [['Google', 'ORG'], ['CNIL', 'ORG']] })))).toEqual(['agent=CNIL', 'person=Google']);
  });

  it('Conflict, Contact, Life, Movement', () => {
    const attack = only('Conflict.Attack', eventsOf({ text: 'Un attentat a frappé Nice le 14 juillet 2016.', entities: [['Nice', 'LOC']], timexes: [['14 juillet 2016', '2016-07-14']] }));
    expect(argsOf(attack)).toEqual(['place=Nice']);
    expect(attack.time?.value).toBe('2016-07-14');
    expect(argsOf(only('Conflict.Demonstrate', eventsOf({ text: 'Des milliers de personnes ont manifesté à Marseille.', entities: [['Marseille', 'LOC']] })))).toEqual(['agent=Des milliers de personnes', 'place=Marseille']);
    const meet = only('Contact.Meet', eventsOf({ text: 'Emmanuel Macron a rencontré Olaf Scholz à Berlin.', entities: [['Emmanuel Macron', 'PER'], ['Olaf Scholz', 'PER'], ['Berlin', 'LOC']] }));
    expect(argsOf(meet)).toEqual(['entity=Olaf Scholz', 'person=Emmanuel Macron', 'place=Berlin']);
    const died = only('Life.Die', eventsOf({ text: 'Johnny Hallyday est mort à Marnes-la-Coquette.', entities: [['Johnny Hallyday', 'PER'], ['Marnes-la-Coquette', 'LOC']] }));
    expect(argsOf(died)).toEqual(['place=Marnes-la-Coquette', 'victim=Johnny Hallyday']);
    const born = only('Life.Be-Born', eventsOf({ text: 'Kylian Mbappé est né à Paris.', entities: [['Kylian Mbappé', 'PER'], ['Paris', 'LOC']] }));
    expect(argsOf(born)).toEqual(['person=Kylian Mbappé', 'place=Paris']);
    const trip = only('Movement.Transport', eventsOf({ text: 'Le pape François s’est rendu à Marseille.', entities: [['François', 'PER'], ['Marseille', 'LOC']] }));
    expect(argsOf(trip)).toEqual(['agent=François', 'destination=Marseille']);
    expect(eventsOf({ text: 'Paul Durand s’est rendu compte de son erreur.', entities: [['Paul Durand', 'PER']] })).toEqual([]);
  });
});

describe('verb forms in other uses', () => {
  it('a bare participle takes the noun it follows as its passive subject', () => {
    const killed = only('Life.Die', eventsOf({ text: 'Il défendait l’assassin de Claude Érignac, tué le 6 février 1998 à Ajaccio.', entities: [['Claude Érignac', 'PER'], ['Ajaccio', 'LOC']], timexes: [['6 février 1998', '1998-02-06']] }));
    expect(argsOf(killed)).toEqual(['place=Ajaccio', 'victim=Claude Érignac']);
    expect(killed.time?.value).toBe('1998-02-06');
  });
  it('a participle after an article is a noun (`les élus`), an ambiguous trigger needs its role from the syntax', () => {
    expect(eventsOf({ text: 'Les élus de Lyon ont voté.', entities: [['Lyon', 'LOC']] })).toEqual([]);
    expect(eventsOf({ text: 'Le film Skyfall effectue un très bon départ chez Sony.', entities: [['Skyfall', 'MISC'], ['Sony', 'ORG']] })).toEqual([]);
    expect(eventsOf({ text: 'Une comédie musicale nommée Les Bâtisseurs a été jouée à Bamako.', entities: [['Les Bâtisseurs', 'MISC'], ['Bamako', 'LOC']] })).toEqual([]);
    expect(eventsOf({ text: 'Wikimédia France s’investit dans l’éducation.', entities: [['Wikimédia France', 'ORG']] })).toEqual([]);
  });
  it('a place as direct object turns `quitter` into a trip', () => {
    const trip = only('Movement.Transport', eventsOf({ text: 'Abdou Diouf quitte Québec plus tôt que prévu.', entities: [['Abdou Diouf', 'PER'], ['Québec', 'LOC']] }));
    expect(argsOf(trip)).toEqual(['agent=Abdou Diouf', 'origin=Québec']);
    expect(eventsOf({ text: 'Un droit acquis en Espagne est menacé.', entities: [['Espagne', 'LOC']] })).toEqual([]);
  });
  it('the subject is in the verb’s own segment: a common noun subject is not the name in an earlier apposition', () => {
    const records = eventsOf({
      text: 'Face au silence du président de La Poste, Jean-Paul Bailly, les syndicats ont annoncé une grève. Le président François Hollande a déclaré la guerre.',
      entities: [['La Poste', 'ORG'], ['Jean-Paul Bailly', 'PER'], ['François Hollande', 'PER']],
    });
    const statements = records.filter((r) => r.type === 'Contact.Statement');
    expect(statements.map((r) => [r.trigger.text, argsOf(r)])).toEqual([
      ['annoncé', ['agent=les syndicats']],
      ['déclaré', ['agent=François Hollande']],
    ]);
    const killed = only('Life.Die', eventsOf({ text: 'Le journal affirme que le reporter de France 2 Gilles Jacquier aurait été tué à Homs.', entities: [['France 2', 'ORG'], ['Gilles Jacquier', 'PER'], ['Homs', 'LOC']] }));
    expect([argsOf(killed), killed.modality]).toEqual([['place=Homs', 'victim=Gilles Jacquier'], 'reported']);
  });
  it('a bare present participle describes the noun before it; `de X` after a verb is not the speaker', () => {
    expect(eventsOf({ text: 'Le CERN a publié un texte affirmant que la particule existe.', entities: [['CERN', 'ORG']] })).toEqual([]);
    expect(eventsOf({ text: 'Le CERN a conclu la réunion en affirmant que la particule existe.', entities: [['CERN', 'ORG']] }).map((r) => [r.trigger.text, argsOf(r)])).toEqual([
      ['réunion', ['person=CERN']],
      ['affirmant', ['agent=CERN']],
    ]);
    // `annonce` is an event by itself; the product after `de` is no speaker.
    expect(eventsOf({ text: 'Nintendo : annonce de la 3DS XL.', entities: [['Nintendo', 'ORG'], ['3DS XL', 'MISC']] }).map((r) => [r.type, argsOf(r)])).toEqual([['Contact.Statement', []]]);
  });
  it('a reporting verb may have its subject after it', () => {
    const said = only('Contact.Statement', eventsOf({ text: 'Les billets vont changer, a déclaré Mario Draghi.', entities: [['Mario Draghi', 'PER']] }));
    expect(argsOf(said)).toEqual(['agent=Mario Draghi']);
  });
});

describe('precision guards', () => {
  it('an ambiguous trigger with only nearby mentions is no event; an unambiguous one is', () => {
    expect(eventsOf({ text: 'Le débat sur la fermeture des maternités est relancé en France.', entities: [['France', 'LOC']] })).toEqual([]);
    expect(eventsOf({ text: 'Sur les neuf dernières enquêtes publiées sur l’Ohio, huit donnent Obama gagnant.', entities: [['Ohio', 'LOC'], ['Obama', 'PER']] })).toEqual([]);
    expect(eventsOf({ text: 'Aux États-Unis, ces faits sont passibles de la peine de mort.', entities: [['États-Unis', 'LOC']] })).toEqual([]);
    expect(eventsOf({ text: 'Les députés ont pu rejoindre les bancs de l’Assemblée.', entities: [['Assemblée', 'ORG']] })).toEqual([]);
    expect(eventsOf({ text: 'Les voyages ne vont pas résoudre les problèmes du Mali.', entities: [['Mali', 'LOC']] })).toEqual([]);
    expect(eventsOf({ text: 'À la suite des élections qui ont porté Mariano Rajoy au pouvoir, a succédé un autre changement.', entities: [['Mariano Rajoy', 'PER']] }).filter((r) => r.type === 'Personnel.Start-Position')).toEqual([]);
  });
  it('an event needs a participant in one of its core roles; irregular participles read as participles', () => {
    expect(eventsOf({ text: 'Ils ont été interpellés dans un bureau de recrutement à Lyon.', entities: [['Lyon', 'LOC']] }).map((r) => r.type)).toEqual(['Justice.Arrest-Jail']);
    expect(eventsOf({ text: 'Le président gère la crise née de l’ouragan Sandy.', entities: [['Sandy', 'PER']] })).toEqual([]);
    // `élus` after a common noun is an adjective; the inverted speaker after `a dit` is the statement's agent.
    expect(eventsOf({ text: 'Cela devrait obliger tous les dirigeants élus à agir, a dit Michael Bloomberg.', entities: [['Michael Bloomberg', 'PER']] }).map((r) => [r.type, argsOf(r)])).toEqual([
      ['Contact.Statement', ['agent=Michael Bloomberg']],
    ]);
    expect(eventsOf({ text: 'Un salarié sur dix est payé au SMIC, soit 2,5 millions de personnes.', entities: [['SMIC', 'ORG']] })).toEqual([]);
  });
  it('a date across an infinitive clause belongs to the other verb', () => {
    const [death] = eventsOf({
      text: 'Le ministre se rendra aujourd’hui à Cayenne pour rendre hommage aux soldats décédés à Dorlin.',
      entities: [['Cayenne', 'LOC'], ['Dorlin', 'LOC']],
      timexes: [['aujourd’hui', '2012-06-28']],
    }).filter((r) => r.type === 'Life.Die');
    expect(death?.time).toBeNull();
  });
});

describe('pronouns and possessives', () => {
  it('resolves `il` to the salient person and keeps the pronoun span', () => {
    const text = 'Thierry Breton dirige Atos depuis 2009. Il a quitté Atos en 2019.';
    const doc = makeDoc({ text, entities: [['Thierry Breton', 'PER'], ['Atos', 'ORG']], timexes: [['2019', '2019']] }, { cluster: true });
    const [quit] = buildEventRecords(doc, TEST_PROVENANCE).filter((r) => r.type === 'Personnel.End-Position');
    const person = quit!.arguments.find((a) => a.role === 'person')!;
    expect(person).toMatchObject({ canonical: 'Thierry Breton', text: 'Il', resolved: true });
    expect(text.slice(person.start, person.end)).toBe('Il');
    expect(person.antecedent).toEqual({ text: 'Thierry Breton', start: 0, end: 14 });
  });

  it('resolves a possessive forward in a fronted clause and backward otherwise', () => {
    const text = "Après son départ de Google, Anne Roux a rejoint Meta. Marc Petit est arrivé ensuite. Son départ de Meta date de 2020.";
    const records = eventsOf({ text, entities: [['Google', 'ORG'], ['Anne Roux', 'PER'], ['Meta', 'ORG'], ['Marc Petit', 'PER']], timexes: [['2020', '2020']] });
    const departures = records.filter((r) => r.type === 'Personnel.End-Position');
    expect(departures.map((d) => d.arguments.find((a) => a.role === 'person')?.canonical)).toEqual(['Anne Roux', 'Marc Petit']);
    expect(departures.every((d) => d.arguments.find((a) => a.role === 'person')?.resolved)).toBe(true);
  });

  it('resolves an organization noun after a contracted article (`au sein du constructeur`)', () => {
    const quit = only('Personnel.End-Position', eventsOf({ text: 'Paul Roux, ingénieur chez Renault, a quitté son poste au sein du constructeur.', entities: [['Paul Roux', 'PER'], ['Renault', 'ORG']] }));
    expect(quit.arguments.find((a) => a.role === 'organization')).toMatchObject({ canonical: 'Renault', text: 'constructeur', resolved: true });
  });
  it('keeps `elle` off a man and `il` off a woman when the text says their gender', () => {
    // (`Monsieur`, not `M.`: the test helper splits sentences at every period.)
    const text = 'Monsieur Paul Petit et Mme Anne Roux dirigent Orange. Elle a quitté Orange en 2020. Il a rejoint Thales.';
    const records = eventsOf({ text, entities: [['Anne Roux', 'PER'], ['Paul Petit', 'PER'], ['Orange', 'ORG'], ['Thales', 'ORG']], timexes: [['2020', '2020']] });
    expect(records.map((r) => [r.trigger.text, r.arguments.find((a) => a.role === 'person')?.canonical])).toEqual([
      ['quitté', 'Anne Roux'],
      ['rejoint', 'Paul Petit'],
    ]);
  });
  it('resolves `l’entreprise` to the organization named before', () => {
    const records = eventsOf({ text: "Danone traverse une crise. L'entreprise a annoncé le licenciement de 2000 salariés.", entities: [['Danone', 'ORG']] });
    const layoff = only('Personnel.End-Position', records);
    expect(layoff.arguments[0]).toMatchObject({ canonical: 'Danone', text: "L'entreprise", resolved: true });
  });
});

describe('polarity and modality', () => {
  const people: Array<[string, 'PER' | 'ORG']> = [['Paul Roux', 'PER'], ['Orange', 'ORG']];
  const one = (text: string) => eventsOf({ text, entities: people }).find((r) => r.type.startsWith('Personnel'))!;
  it('negation', () => {
    expect(one("Paul Roux n'a pas quitté Orange.").polarity).toBe('negative');
    expect(one("Paul Roux n'a pas encore pu quitter Orange.").polarity).toBe('negative');
    expect(one('Paul Roux a quitté Orange.').polarity).toBe('positive');
    expect(one('Orange a confirmé qu’aucun licenciement de Paul Roux n’aura lieu.').polarity).toBe('negative');
  });
  it('hypothetical, planned, reported, asserted', () => {
    expect(one('Paul Roux pourrait quitter Orange.').modality).toBe('hypothetical');
    expect(one('Un éventuel retour de Paul Roux chez Orange est évoqué.').modality).toBe('hypothetical');
    expect(one('Paul Roux va quitter Orange.').modality).toBe('planned');
    expect(one('Paul Roux quittera Orange.').modality).toBe('planned');
    expect(one('Paul Roux prévoit de quitter Orange.').modality).toBe('planned');
    expect(one('Paul Roux aurait quitté Orange.').modality).toBe('reported');
    expect(one('Le journal affirme que Paul Roux a quitté Orange.').modality).toBe('reported');
    expect(one('Paul Roux a quitté Orange.').modality).toBe('asserted');
    expect(eventsOf({ text: 'Romney garde ses chances d’être élu en Virginie.', entities: [['Romney', 'PER'], ['Virginie', 'LOC']] })[0]?.modality).toBe('hypothetical');
  });
});

describe('time of the event', () => {
  it('takes the expression of the trigger clause, a fronted adverbial, and never a deadline', () => {
    const records = eventsOf({
      text: "En 2017, Léa Blanc a rejoint Thales jusqu'en 2020. Léa Blanc a quitté Thales.",
      entities: [['Léa Blanc', 'PER'], ['Thales', 'ORG']],
      timexes: [['2017', '2017'], ['2020', '2020']],
    });
    expect(records.map((r) => [r.trigger.text, r.time?.value ?? null])).toEqual([
      ['rejoint', '2017'],
      ['quitté', null],
    ]);
  });
  it('takes a vague reference only next to the trigger', () => {
    const records = eventsOf({
      text: 'Léa Blanc a récemment quitté Thales. Le départ de Léa Blanc a nourri des rumeurs sur ses futurs projets.',
      entities: [['Léa Blanc', 'PER'], ['Thales', 'ORG']],
      timexes: [['récemment', 'PAST_REF'], ['futurs', 'FUTURE_REF']],
    });
    expect(records.map((r) => [r.trigger.text, r.time?.value ?? null])).toEqual([
      ['quitté', 'PAST_REF'],
      ['départ', null],
    ]);
  });
  it('a date in the complement clause after a statement dates its content, not the statement', () => {
    const [said] = eventsOf({ text: 'Nick De Santis a affirmé que les joueurs de la saison 2012 partiront.', entities: [['Nick De Santis', 'PER']], timexes: [['2012', '2012']] });
    expect([said?.type, said?.time]).toEqual(['Contact.Statement', null]);
  });
  it('ignores expressions without a value', () => {
    const doc = makeDoc({ text: 'En 2019, Musk a levé 2 milliards de dollars pour Tesla après 11 accidents.', entities: [['Musk', 'PER'], ['Tesla', 'ORG']], timexes: [['2019', '2019']] }, { cluster: true });
    doc.timexes.push({ start: doc.text.indexOf('11'), end: doc.text.indexOf('11') + 2, sentence: 0, type: 'DATE', value: null, granularity: 'unknown', mod: null, anchor: 'unresolved', source: 'model' });
    expect(buildEventRecords(doc, TEST_PROVENANCE).map((r) => r.time?.value)).toEqual(['2019']);
  });
  it('does not take a date from a relative clause for the main event', () => {
    const [event] = eventsOf({
      text: 'Léa Blanc a rejoint Thales, qui avait été fondée en 1968.',
      entities: [['Léa Blanc', 'PER'], ['Thales', 'ORG']],
      timexes: [['1968', '1968']],
    });
    expect(event?.time).toBeNull();
  });
});

describe('user trigger table', () => {
  it('extends the built-in table from a JSON file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'chronique-triggers-'));
    const file = path.join(dir, 'extra.json');
    writeFileSync(file, JSON.stringify([{ lemma: 'débaucher', pos: 'verb', type: 'Personnel.Start-Position', confidence: 0.8 }]));
    const lexicon = buildLexicon(file);
    const doc = makeDoc({ text: 'Renault a débauché Luca de Meo.', entities: [['Renault', 'ORG'], ['Luca de Meo', 'PER']] }, { cluster: true });
    expect(buildEventRecords(doc, TEST_PROVENANCE, { lexicon }).map((r) => r.type)).toEqual(['Personnel.Start-Position']);
    expect(buildEventRecords(makeDoc({ text: 'Renault a débauché Luca de Meo.', entities: [['Renault', 'ORG'], ['Luca de Meo', 'PER']] }, { cluster: true }), TEST_PROVENANCE)).toEqual([]);
  });
  it('rejects a bad file with an error naming it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'chronique-triggers-'));
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify([{ lemma: 'x', pos: 'verb', type: 'Nope', confidence: 2 }]));
    expect(() => buildLexicon(bad)).toThrow(TriggerTableError);
    expect(() => buildLexicon(bad)).toThrow(/bad\.json.*\/0\/type/);
    const broken = path.join(dir, 'broken.json');
    writeFileSync(broken, '[{');
    expect(() => buildLexicon(broken)).toThrow(/broken\.json: not valid JSON/);
    expect(() => buildLexicon(path.join(dir, 'missing.json'))).toThrow(/missing\.json: cannot read it \(ENOENT\)/);
    expect(() => validateTriggerRows([{ lemma: 'x', pos: 'verb', type: 'Life.Die', confidence: 0.5, conj: 'irregular' }], 'f.json')).toThrow(/needs "irregular" stems/);
  });
});

describe('records', () => {
  it('are deterministic and have stable ids', () => {
    const spec = { text: 'Marie Dupont a quitté Renault en 2021.', entities: [['Marie Dupont', 'PER'], ['Renault', 'ORG']] as Array<[string, 'PER' | 'ORG']>, timexes: [['2021', '2021']] as Array<[string, string]> };
    const a = eventsOf(spec);
    const b = eventsOf(spec);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(a[0]!.id).toMatch(/^ev_[0-9a-f]{16}$/);
    expect(a[0]!.provenance).toEqual(TEST_PROVENANCE);
  });
});
