/**
 * French time expressions → TIMEX3, one block per family of the issue. The publication date is fixed
 * (Friday 15 March 2024) so that every relative value is known; nothing reads the clock.
 */
import { describe, expect, it } from 'vitest';
import { createDateContext, findTimeExpressions, type TimexCandidate } from '../../src/dates/recognize.js';

const PUB = '2024-03-15';

function find(text: string, publication: string | null = PUB): TimexCandidate[] {
  return findTimeExpressions(text, { publication });
}

/** The single expression found in `text`, as `text → value [mod]`. */
function one(text: string, publication: string | null = PUB): Pick<TimexCandidate, 'text' | 'type' | 'value' | 'mod' | 'anchor'> {
  const found = find(text, publication);
  expect(found, `${text}: ${JSON.stringify(found)}`).toHaveLength(1);
  const [c] = found;
  if (!c) throw new Error('unreachable');
  return { text: c.text, type: c.type, value: c.value, mod: c.mod, anchor: c.anchor };
}

describe('absolute dates', () => {
  it.each([
    ['Il a révélé le 13 juillet 2022 son départ.', 'le 13 juillet 2022', '2022-07-13'],
    ['Signé 13/07/2022 à Paris.', '13/07/2022', '2022-07-13'],
    ['Publié le 2022-07-13.', '2022-07-13', '2022-07-13'],
    ['Il est né lundi 3 juin 2019.', 'lundi 3 juin 2019', '2019-06-03'],
    ['En août 2021, une enquête a été ouverte.', 'août 2021', '2021-08'],
    ['La loi date de 2016.', '2016', '2016'],
    ['Il a été élu en 2019.', '2019', '2019'],
    ['Entrée en vigueur le 1er janvier 2020.', 'le 1er janvier 2020', '2020-01-01'],
    ['La dette de 07/2021 reste due.', '07/2021', '2021-07'],
    ['Il est arrivé dès octobre 98.', 'octobre 98', '1998-10'],
    ["Dès l'année 2001, le budget augmente.", "l'année 2001", '2001'],
  ])('%s', (text, span, value) => {
    expect(one(text)).toMatchObject({ text: span, type: 'DATE', value, anchor: 'absolute' });
  });

  it('year-less dates take the publication year (news mode)', () => {
    expect(one('La réunion aura lieu le 1er mars.')).toMatchObject({ text: 'le 1er mars', value: '2024-03-01', anchor: 'publication' });
    // More than 8 months from publication → the neighbouring year (`le 21 décembre` read in January).
    expect(one('Ils ont été arrêtés le 21 décembre.', '2002-01-10')).toMatchObject({ value: '2001-12-21' });
    expect(one('Il a été élu le 6 mai dernier.')).toMatchObject({ value: '2023-05-06' });
    expect(one('Le chantier commence en juin prochain.')).toMatchObject({ text: 'juin prochain', value: '2024-06' });
  });

  it('a year-less date after an explicit year of the same paragraph takes that year (anchor context)', () => {
    const context = createDateContext();
    const text = 'En 2016, Musk a fait une promesse. Il l’a réitérée en janvier.';
    const first = findTimeExpressions(text, { publication: PUB, region: { start: 0, end: 34 }, context });
    const second = findTimeExpressions(text, { publication: PUB, region: { start: 35, end: text.length }, context });
    expect(first.map((c) => c.value)).toEqual(['2016']);
    expect(second).toMatchObject([{ text: 'janvier', value: '2016-01', anchor: 'context' }]);
  });

  it('a year right after a capitalised name is part of the name, not a date', () => {
    expect(find("Lors de l'AI Day 2022, Musk a plaisanté.")).toEqual([]);
    expect(find('Il tourne sous Windows 2000.')).toEqual([]);
    // … but a sentence-initial cue word is not a name.
    expect(one('En 2019, Musk a levé des fonds.')).toMatchObject({ value: '2019' });
  });

  it('numbers that are quantities are not years', () => {
    expect(find('Il a payé 2000 euros pour 1500 personnes.')).toEqual([]);
    expect(find('Le compteur affiche 12 2015 et 2015,5.')).toEqual([]);
  });

  it('without a publication date, year-less dates keep X for the year', () => {
    expect(one('Rendez-vous le 14 juillet.', null)).toMatchObject({ value: 'XXXX-07-14', anchor: 'unresolved' });
    expect(one('Rendez-vous en mars.', null)).toMatchObject({ value: 'XXXX-03', anchor: 'unresolved' });
  });
});

describe('numbers written in words (transcripts)', () => {
  it('years and days in words', () => {
    expect(one('Nous sommes en octobre deux mille treize.')).toMatchObject({ text: 'octobre deux mille treize', value: '2013-10' });
    expect(one('La loi date de deux mille dix-neuf.')).toMatchObject({ text: 'deux mille dix-neuf', value: '2019' });
    expect(one('Né en mille neuf cent quatre-vingt-dix-huit.')).toMatchObject({ value: '1998' });
    expect(one('Les élections du vingt-quatre novembre.')).toMatchObject({ text: 'vingt-quatre novembre', value: '2024-11-24' });
    expect(find('Il a payé deux mille euros.')).toEqual([]);
  });
});

describe('decades, centuries, seasons, quarters', () => {
  it.each([
    ['Dans les années 1990, tout change.', 'les années 1990', '199X'],
    ['Un tube des années 90.', 'années 90', '199X'],
    ['Une maison du XIXe siècle.', 'XIXe siècle', '18XX'],
    ['Construit au XVIIIe siècle.', 'XVIIIe siècle', '17XX'],
    ["Il part à l'été 2021.", "l'été 2021", '2021-SU'],
    ['Le chiffre du premier trimestre 2023 est bon.', 'premier trimestre 2023', '2023-Q1'],
    ['Le bilan du second semestre 2022.', 'second semestre 2022', '2022-H2'],
  ])('%s', (text, span, value) => {
    expect(one(text)).toMatchObject({ text: span, value });
  });

  it('last / next season are picked around the publication date', () => {
    expect(one('Au printemps dernier, il a plu.', '2012-10-16')).toMatchObject({ value: '2012-SP' });
    expect(one("L'été dernier fut chaud.", '2012-08-10')).toMatchObject({ value: '2011-SU' });
    expect(one("L'hiver dernier fut froid.", '2024-03-15')).toMatchObject({ value: '2023-WI' });
    expect(one("L'hiver prochain sera froid.", '2024-03-15')).toMatchObject({ value: '2024-WI' });
    expect(one('Cet hiver, il neige.', '2024-01-15')).toMatchObject({ value: '2023-WI' });
  });

  it('a bare season takes the publication year; the participle été is not a season', () => {
    expect(one("Des élections anticipées à l'automne.")).toMatchObject({ text: "l'automne", value: '2024-FA' });
    expect(find('Il a été élu maire.')).toEqual([]);
    expect(find('Eté comme hiver, le camping est plein.').map((c) => c.value)).toEqual(['2024-SU', '2024-WI']);
    expect(find('Depuis le Printemps arabe, l’armée gouverne.')).toEqual([]);
    expect(find("Les Jeux olympiques d'hiver commencent.")).toEqual([]);
  });
});

describe('modifiers', () => {
  it.each([
    ["D'ici la fin de 2017, rien.", 'la fin de 2017', '2017', 'END'],
    ["D'ici fin 2020, rien.", 'fin 2020', '2020', 'END'],
    ['Prévu début 2017.', 'début 2017', '2017', 'START'],
    ['Prévu mi-2017.', 'mi-2017', '2017', 'MID'],
    ['Prévu à la mi-mars.', 'la mi-mars', '2024-03', 'MID'],
    ['Livré courant 2020.', 'courant 2020', '2020', 'MID'],
    ['Né vers 2010.', 'vers 2010', '2010', 'APPROX'],
    ['Au début des années 2000, le web explose.', 'début des années 2000', '200X', 'START'],
    ['À la fin du XIXe siècle, la ville grandit.', 'la fin du XIXe siècle', '18XX', 'END'],
    ["Le toit sera refait à la fin de l'année.", "la fin de l'année", '2024', 'END'],
    ['Achevé fin septembre 2000.', 'fin septembre 2000', '2000-09', 'END'],
  ])('%s', (text, span, value, mod) => {
    expect(one(text)).toMatchObject({ text: span, value, mod });
  });
});

describe('relative expressions (publication Friday 2024-03-15)', () => {
  it.each([
    ['Il est arrivé hier.', 'hier', '2024-03-14'],
    ["Il arrive aujourd'hui à Paris.", "aujourd'hui", '2024-03-15'],
    ['Il part demain.', 'demain', '2024-03-16'],
    ['Il est venu lundi dernier.', 'lundi dernier', '2024-03-11'],
    ['Il viendra la semaine prochaine.', 'la semaine prochaine', '2024-W12'],
    ['Il est parti il y a un an.', 'il y a un an', '2023-03'],
    ['Il est parti il y a trois jours.', 'il y a trois jours', '2024-03-12'],
    ["Il a gagné l'an dernier.", "l'an dernier", '2023'],
    ["Il a perdu l'année dernière.", "l'année dernière", '2023'],
    ['Il gagnera cette année.', 'cette année', '2024'],
    ['Il viendra le mois prochain.', 'le mois prochain', '2024-04'],
    ['Il sera prêt dans deux ans.', 'dans deux ans', '2026'],
    ['Il a été reçu cette semaine.', 'cette semaine', '2024-W11'],
  ])('%s', (text, span, value) => {
    expect(one(text)).toMatchObject({ text: span, type: 'DATE', value, anchor: 'publication' });
  });

  it('general references', () => {
    expect(one('Il a récemment quitté Tesla.')).toMatchObject({ text: 'récemment', value: 'PAST_REF' });
    expect(one('Il travaille actuellement chez OpenAI.')).toMatchObject({ text: 'actuellement', value: 'PRESENT_REF' });
    expect(one("Aujourd'hui, la ville a changé.")).toMatchObject({ value: 'PRESENT_REF' });
  });

  it('bare weekdays: past by default, future when the sentence is in the future tense', () => {
    expect(one('Il a démissionné mardi.')).toMatchObject({ value: '2024-03-12' });
    expect(one('Il sera opéré mardi.')).toMatchObject({ value: '2024-03-19' });
  });

  it('the tense of the expression’s own clause decides, the nearest verb first', () => {
    // A participle right before the weekday: past, even if the sentence goes on in the future.
    expect(find('Les mesures annoncées mercredi vont changer la course.')[0]).toMatchObject({ text: 'mercredi', value: '2024-03-13' });
    expect(find('Les festivités ont débuté mercredi soir et vont durer un an.')[0]).toMatchObject({ value: '2024-03-13TEV' });
    // A scheduling passive (`est fixé`) is not a past tense.
    expect(find('Le rendez-vous est fixé samedi à 8 h.')[0]).toMatchObject({ text: 'samedi', value: '2024-03-16' });
  });

  it('a weekday settles the year of a year-less date', () => {
    const context = createDateContext();
    const text = 'La saison 2002/2003 commence. La réunion aura lieu le jeudi 12 septembre.';
    findTimeExpressions(text, { publication: '2002-09-05', region: { start: 0, end: 28 }, context });
    const found = findTimeExpressions(text, { publication: '2002-09-05', region: { start: 29, end: text.length }, context });
    expect(found).toMatchObject([{ text: 'le jeudi 12 septembre', value: '2002-09-12' }]);
  });

  it('a later year is a plan, not a narrative frame', () => {
    const context = createDateContext();
    const text = 'Le plan vise 2014. Plus récemment, mi-juin, la direction a annoncé des suppressions.';
    findTimeExpressions(text, { publication: '2012-07-02', region: { start: 0, end: 18 }, context });
    const found = findTimeExpressions(text, { publication: '2012-07-02', region: { start: 19, end: text.length }, context });
    expect(found.find((c) => c.text === 'mi-juin')).toMatchObject({ value: '2012-06', mod: 'MID', anchor: 'publication' });
  });

  it('parts of the day become TIME', () => {
    expect(one('Il est mort hier soir.')).toMatchObject({ text: 'hier soir', type: 'TIME', value: '2024-03-14TEV' });
    expect(one('Il parlera ce matin.')).toMatchObject({ text: 'ce matin', type: 'TIME', value: '2024-03-15TMO' });
    expect(one('Un orage est prévu ce vendredi 9 août au soir.')).toMatchObject({ text: 'ce vendredi 9 août au soir', type: 'TIME', value: '2024-08-09TEV' });
  });

  it('a partial publication date resolves what it can', () => {
    expect(one("Il a gagné l'an dernier.", '2024-03')).toMatchObject({ value: '2023' });
    expect(one('Il est parti il y a un an.', '2024-03')).toMatchObject({ value: '2023-03' });
    expect(one('Il est arrivé hier.', '2024-03')).toMatchObject({ value: '2024-03-XX' });
    expect(one('Il viendra le mois prochain.', '2024')).toMatchObject({ value: '2024-XX' });
  });

  it('no publication date: relative values stay unresolved', () => {
    expect(one('Il est arrivé hier.', null)).toMatchObject({ value: 'XXXX-XX-XX', anchor: 'unresolved' });
    expect(one("Il a gagné l'an dernier.", null)).toMatchObject({ value: 'XXXX', anchor: 'unresolved' });
    expect(one('Il est venu lundi dernier.', null)).toMatchObject({ anchor: 'unresolved' });
  });
});

describe('ranges and bounds', () => {
  it('each end of a range is its own expression', () => {
    expect(find('Il a dirigé la société de 2017 à 2022.').map((c) => [c.text, c.value])).toEqual([['2017', '2017'], ['2022', '2022']]);
    expect(find('Fermé entre mai et juillet 2022.').map((c) => [c.text, c.value])).toEqual([['mai', '2022-05'], ['juillet 2022', '2022-07']]);
    expect(find('Festival du 19 au 23 juillet.').map((c) => [c.text, c.value])).toEqual([['19', '2024-07-19'], ['23 juillet', '2024-07-23']]);
    expect(find('Le recensement de 1982-1990.').map((c) => c.value)).toEqual(['1982', '1990']);
    expect(find('Il risque de 8 à 24 mois de prison.').map((c) => [c.text, c.value])).toEqual([['8', 'P8M'], ['24 mois', 'P24M']]);
    expect(find('Les enfants de 2 à 8 ans jouent.')).toEqual([]);
  });

  it('the preposition of a bound stays out of the span', () => {
    expect(one("Il y a travaillé jusqu'en juillet 2022.")).toMatchObject({ text: 'juillet 2022', value: '2022-07' });
    expect(one('Il y vit depuis 2015.')).toMatchObject({ text: '2015', value: '2015' });
  });
});

describe('durations, times, sets', () => {
  it.each([
    ['Ses cinq années passées chez Tesla.', 'cinq années', 'P5Y', null],
    ['Il part pour trois mois.', 'trois mois', 'P3M', null],
    ['Leur association durera plus de vingt ans.', 'plus de vingt ans', 'P20Y', 'MORE_THAN'],
    ['Ils ont parlé environ une heure.', 'environ une heure', 'PT1H', 'APPROX'],
    ['Il a couru 30,4 secondes.', '30,4 secondes', 'PT30.4S', null],
    ['Il a attendu un an et demi.', 'un an et demi', 'P1Y6M', null],
    ['Le vol a duré quatre heures et demie.', 'quatre heures et demie', 'PT4H30M', null],
    ['Le chantier durera 1 000 jours.', '1 000 jours', 'P1000D', null],
    ['Il a été condamné à 10 ans de prison.', '10 ans', 'P10Y', null],
    ['Il est en fuite depuis plusieurs jours.', 'plusieurs jours', 'PXD', null],
    ['Un quinquennat difficile.', 'quinquennat', 'P5Y', null],
    ['Une querelle vieille d’un demi-siècle.', 'un demi-siècle', 'P50Y', null],
  ])('%s', (text, span, value, mod) => {
    expect(one(text)).toMatchObject({ text: span, type: 'DURATION', value, mod });
  });

  it('names and other readings of time words are not time expressions', () => {
    expect(find('Dans un portrait publié par le Journal du Dimanche, elle répond.').map((c) => c.text)).toEqual([]);
    expect(find("Mardi dans l'après-midi, des orages.").map((c) => c.text)).toEqual(['Mardi']);
    expect(find("Je ne désespère pas qu'un jour, nous comprenions.")).toEqual([]);
    expect(find("L'hebdomadaire satirique a répondu.")).toEqual([]);
    expect(find("L'arbitre veille au respect de la procédure.")).toEqual([]);
    expect(find('Le décret 2016-1088 est paru.')).toEqual([]);
    expect(find('Voir les articles 217 et 219, 1426 et 1429.')).toEqual([]);
    expect(find('Les Etats-Unis étaient dans une année électorale.')).toEqual([]);
    expect(one('Il a travaillé pendant une semaine entière.')).toMatchObject({ value: 'P1W' });
    expect(one('Il propose 5.000 heures de programmes.')).toMatchObject({ value: 'PT5000H' });
    expect(find('Elle se trouve à 5 000 années-lumière.')).toEqual([]);
    expect(find('Ils sont partis après 24 heures de polémique.')).toMatchObject([{ text: '24 heures', type: 'DURATION', value: 'PT24H' }]);
    expect(find("Elle publie au lendemain de l'élection.")).toMatchObject([{ text: 'lendemain', value: null, anchor: 'unresolved' }]);
  });

  it('ages are not durations', () => {
    expect(find('Un chauffeur de bus de 38 ans a été agressé.')).toEqual([]);
    expect(find('Jean Dupont, 52 ans, a témoigné.')).toEqual([]);
    expect(find('Agée de 90 ans, elle vivait seule.')).toEqual([]);
    expect(find('Elle publie, à 39 ans, son premier roman.')).toEqual([]);
    expect(find('Trois personnes de 18, 24 et 26 ans ont été arrêtées.')).toEqual([]);
    expect(one('Il a été condamné à 10 ans.')).toMatchObject({ value: 'P10Y' });
  });

  it('clock times take the day of the paragraph, else the publication day', () => {
    expect(one('Rendez-vous à 14h30.')).toMatchObject({ text: '14h30', type: 'TIME', value: '2024-03-15T14:30' });
    expect(one('Rendez-vous à 14 h 30.')).toMatchObject({ text: '14 h 30', type: 'TIME', value: '2024-03-15T14:30' });
    expect(find('Mariage samedi 5 juin à 17 h.').map((c) => [c.text, c.value])).toEqual([
      ['samedi 5 juin', '2024-06-05'],
      ['17 h', '2024-06-05T17:00'],
    ]);
  });

  it.each([
    ['Il revient chaque année.', 'chaque année', 'P1Y'],
    ['Il court tous les jours.', 'tous les jours', 'P1D'],
    ['Ouvert tous les jeudis.', 'tous les jeudis', 'XXXX-WXX-4'],
    ['Une hausse de 2 % par an.', 'an', 'P1Y'],
  ])('%s', (text, span, value) => {
    expect(one(text)).toMatchObject({ text: span, type: 'SET', value });
  });
});

describe('holidays and nights', () => {
  it.each([
    ['Il viendra à Noël.', 'Noël', '2024-12-25'],
    ['Le marché de Noël a fermé.', 'Noël', '2023-12-25'],
    ['La Toussaint 2019 fut pluvieuse.', 'La Toussaint 2019', '2019-11-01'],
    ['Pâques 2024 tombe tôt.', 'Pâques 2024', '2024-03-31'],
    ['Le lundi de Pâques 2025 est férié.', 'Le lundi de Pâques 2025', '2025-04-21'],
    ['Le défilé du 14-Juillet aura lieu.', '14-Juillet', '2024-07-14'],
  ])('%s', (text, span, value) => {
    expect(one(text)).toMatchObject({ text: span, type: 'DATE', value });
  });

  it('a first name is not a feast', () => {
    expect(find('Noël Mamère a parlé.')).toEqual([]);
  });

  it('a night spanning two days is the first day + TNI', () => {
    expect(one('Des voitures ont brûlé dans la nuit de vendredi à samedi.')).toMatchObject({ text: 'la nuit de vendredi à samedi', type: 'TIME', value: '2024-03-08TNI' });
    expect(one('Un vol a eu lieu dans la nuit du 8 au 9 mars.')).toMatchObject({ text: 'la nuit du 8 au 9 mars', value: '2024-03-08TNI' });
    expect(one('Il est mort dans la nuit de vendredi à samedi 2 mars.')).toMatchObject({ value: '2024-03-01TNI' });
  });

  it('clock times written with a colon need a preposition', () => {
    expect(one('Le train part à 14:30.')).toMatchObject({ text: '14:30', type: 'TIME', value: '2024-03-15T14:30' });
    expect(find('Le score est de 2:1 ce soir.').map((c) => c.text)).toEqual(['ce soir']);
  });
});

describe('impossible or odd input', () => {
  it('impossible calendar dates have a null value', () => {
    expect(one('Le 32 juillet 2022 est impossible.')).toMatchObject({ value: null });
    expect(one('Le 31 février 2023 est impossible.')).toMatchObject({ value: null });
    expect(one('Le 29 février 2023 est impossible.')).toMatchObject({ value: null });
    expect(one('Le 29 février 2024 existe.')).toMatchObject({ value: '2024-02-29' });
    expect(find('13/13/2022')).toEqual([]);
    expect(one('Daté du 31/02/2023.')).toMatchObject({ text: '31/02/2023', value: null });
  });

  it("l'an 99999 and long digit runs give no span", () => {
    expect(find("En l'an 99999, rien.")).toEqual([]);
    expect(find('1'.repeat(5000))).toEqual([]);
  });

  it('a region restricts the search and keeps text offsets', () => {
    const text = 'Hier il pleuvait. Le 13 juillet 2022, il faisait beau.';
    const found = findTimeExpressions(text, { publication: PUB, region: { start: 18, end: text.length } });
    expect(found.map((c) => [c.start, c.end, c.text])).toEqual([[18, 36, 'Le 13 juillet 2022']]);
    expect(found.every((c) => text.slice(c.start, c.end) === c.text)).toBe(true);
  });

  it('is deterministic', () => {
    const text = "Hier, lundi 3 juin 2019, il y a un an, l'été 2021, à 14 h 30 et chaque année depuis 2015.";
    expect(JSON.stringify(find(text))).toBe(JSON.stringify(find(text)));
  });
});
