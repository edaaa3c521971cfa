import { corporaDir } from '../../tools/eval/corpora.js';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDocument, type ArticleMeta } from '../../src/document.js';
import { loadSeed, loadSequoia, scoreBoundaries, seedGoldPath, seedRegions, SEED_PATH } from '../../tools/eval/segment-eval.js';
import { segmentSentences } from '../../src/segment/sentences.js';
import { segmentStage } from '../../src/stages/segment.js';

/** The sentences of a whole string, as text. */
function split(text: string): string[] {
  return segmentSentences(text, { start: 0, end: text.length }).map((s) => text.slice(s.start, s.end));
}

const NNBSP = '\u202f';
const NBSP = '\u00a0';

describe('abbreviations', () => {
  it.each([
    ['M. Dupont est arrivé. Il a parlé.', ['M. Dupont est arrivé.', 'Il a parlé.']],
    ['MM. Dupont et Durand sont venus. Mme Martin aussi.', ['MM. Dupont et Durand sont venus.', 'Mme Martin aussi.']],
    ['Il a vu le Dr. House et le Pr. Tournesol hier. Ensuite il est parti.', ['Il a vu le Dr. House et le Pr. Tournesol hier.', 'Ensuite il est parti.']],
    ['La rue St. Antoine est fermée. Mlle. Durand habite là.', ['La rue St. Antoine est fermée.', 'Mlle. Durand habite là.']],
    ['Voir p. 12 et pp. 14-16 du rapport. Le reste suit.', ['Voir p. 12 et pp. 14-16 du rapport.', 'Le reste suit.']],
    ["Selon l'art. 3 et l'art. L. 121-1 du code. La loi est claire.", ["Selon l'art. 3 et l'art. L. 121-1 du code.", 'La loi est claire.']],
    ['Le n. 5 et le no. 6 sont en stock. Le n° 7 aussi.', ['Le n. 5 et le no. 6 sont en stock.', 'Le n° 7 aussi.']],
    ['Comme dit plus haut (cf. Chapitre 3), rien ne change. La suite.', ['Comme dit plus haut (cf. Chapitre 3), rien ne change.', 'La suite.']],
    ['Il y avait env. 300 personnes. Elles sont parties.', ['Il y avait env. 300 personnes.', 'Elles sont parties.']],
    ['Le vol. 2 de la 3e éd. Gallimard est paru. Il coûte cher.', ['Le vol. 2 de la 3e éd. Gallimard est paru.', 'Il coûte cher.']],
    ['Lire Études internationales, Vol. XVII, no 3. Le vol. Il a été commis hier.', ['Lire Études internationales, Vol. XVII, no 3.', 'Le vol.', 'Il a été commis hier.']],
    ['La Mégane passe à 160 ch. Enfin, une BD. Elle plaît.', ['La Mégane passe à 160 ch.', 'Enfin, une BD.', 'Elle plaît.']],
    ['Rendez-vous le 3 janv. 2024 ou le 5 févr. 2024 au plus tard. Merci.', ['Rendez-vous le 3 janv. 2024 ou le 5 févr. 2024 au plus tard.', 'Merci.']],
    ['César est mort en 44 av. J.-C. Son fils adoptif lui succède.', ['César est mort en 44 av. J.-C.', 'Son fils adoptif lui succède.']],
    ['Rome fut fondée en 753 av. J.-C. selon la légende. Elle grandit.', ['Rome fut fondée en 753 av. J.-C. selon la légende.', 'Elle grandit.']],
    ['Il a des pommes, des poires, etc. Le marché ferme.', ['Il a des pommes, des poires, etc.', 'Le marché ferme.']],
    ['Il a des pommes, etc. et des poires.', ['Il a des pommes, etc. et des poires.']],
  ])('%s', (text, expected) => {
    expect(split(text)).toEqual(expected);
  });
});

describe('initials', () => {
  it.each([
    ['J. K. Rowling a publié un livre. Il se vend bien.', ['J. K. Rowling a publié un livre.', 'Il se vend bien.']],
    ['J.K. Rowling et J.-M. Le Pen sont cités. Rien de plus.', ['J.K. Rowling et J.-M. Le Pen sont cités.', 'Rien de plus.']],
    ['Le réseau était dirigé par J.-C. Marchiani. Il a été jugé.', ['Le réseau était dirigé par J.-C. Marchiani.', 'Il a été jugé.']],
    ['Ils ont adopté le plan B. Il a échoué.', ['Ils ont adopté le plan B.', 'Il a échoué.']],
    ['Il vit aux U.S.A. Le pays lui plaît.', ['Il vit aux U.S.A.', 'Le pays lui plaît.']],
  ])('%s', (text, expected) => {
    expect(split(text)).toEqual(expected);
  });
});

describe('numbers and versions', () => {
  it.each([
    ['Le taux est de 3,5 %. Il baisse.', ['Le taux est de 3,5 %.', 'Il baisse.']],
    ['Le Logiciel 2.0 est sorti. La version 1.2.3 aussi.', ['Le Logiciel 2.0 est sorti.', 'La version 1.2.3 aussi.']],
    ['Il a gagné 1.000.000 euros. Bravo.', ['Il a gagné 1.000.000 euros.', 'Bravo.']],
    ['Il est né en 1950. 12 ans plus tard, il partait.', ['Il est né en 1950.', '12 ans plus tard, il partait.']],
    ['Sommaire\n1. Introduction\n2. Méthodes', ['Sommaire', '1. Introduction', '2. Méthodes']],
  ])('%s', (text, expected) => {
    expect(split(text)).toEqual(expected);
  });
});

describe('ellipses', () => {
  it.each([
    ["J'ai beaucoup apprécié... Je suis heureux.", ["J'ai beaucoup apprécié...", 'Je suis heureux.']],
    ["J'ai beaucoup apprécié… Je suis heureux.", ["J'ai beaucoup apprécié…", 'Je suis heureux.']],
    ['Il hésita... puis il partit.', ['Il hésita... puis il partit.']],
    ['Il hésita… puis il partit.', ['Il hésita… puis il partit.']],
    ['« […] Il faut agir », a-t-il dit.', ['« […] Il faut agir », a-t-il dit.']],
    ['Il a tout vu...Le lendemain il parla.', ['Il a tout vu...', 'Le lendemain il parla.']],
  ])('%s', (text, expected) => {
    expect(split(text)).toEqual(expected);
  });
});

describe('quotes', () => {
  it('closes a sentence after the closing guillemet', () => {
    expect(split('Il a dit : « Je pars demain. » Avec cela, tout change.')).toEqual([
      'Il a dit : « Je pars demain. »',
      'Avec cela, tout change.',
    ]);
  });
  it('splits a quotation made of several sentences at each sentence end', () => {
    expect(split("« J'adore Elon. J'adore Tesla. C'était difficile de partir. » Puis il sourit.")).toEqual([
      "« J'adore Elon.",
      "J'adore Tesla.",
      "C'était difficile de partir. »",
      'Puis il sourit.',
    ]);
  });
  it('keeps a sentence going after a quotation that ends with ? or !', () => {
    expect(split('« Pourquoi ? » demande-t-il. « Partez ! » crie-t-elle.')).toEqual(['« Pourquoi ? » demande-t-il.', '« Partez ! » crie-t-elle.']);
  });
  it('opens a quotation glued to the previous sentence', () => {
    expect(split('Il était au seuil de quelque chose.« Il est évident que je pars. »')).toEqual([
      'Il était au seuil de quelque chose.',
      '« Il est évident que je pars. »',
    ]);
  });
  it('handles straight and curly quotes', () => {
    expect(split('Il a dit "Je pars." Elle a répondu “Reste.” Rien ne bougea.')).toEqual(['Il a dit "Je pars."', 'Elle a répondu “Reste.”', 'Rien ne bougea.']);
    expect(split("Il voulait un 'Acte 2', a déclaré Karpathy.")).toEqual(["Il voulait un 'Acte 2', a déclaré Karpathy."]);
  });
  it('ends at a period after a closing quote glued to the next sentence', () => {
    expect(split('sur le « Logiciel 2.0 ».Son départ est acté.')).toEqual(['sur le « Logiciel 2.0 ».', 'Son départ est acté.']);
  });
});

describe('question and exclamation marks', () => {
  it.each([
    [`Quel est votre avis${NNBSP}? Selon vous, est-ce grave${NNBSP}!  Oui.`, [`Quel est votre avis${NNBSP}?`, `Selon vous, est-ce grave${NNBSP}!`, 'Oui.']],
    [`Vraiment${NBSP}?! Incroyable${NBSP}!!! Bon.`, [`Vraiment${NBSP}?!`, `Incroyable${NBSP}!!!`, 'Bon.']],
    ['Ah ! mon Dieu, quelle histoire.', ['Ah ! mon Dieu, quelle histoire.']],
    ['Un cas rare (sic !) mais réel. Fin.', ['Un cas rare (sic !) mais réel.', 'Fin.']],
    ['Il travaille pour Yahoo! News depuis 2006. Voilà.', ['Il travaille pour Yahoo! News depuis 2006.', 'Voilà.']],
  ])('%s', (text, expected) => {
    expect(split(text)).toEqual(expected);
  });
});

describe('URLs, e-mails, domain names, files', () => {
  it.each([
    ['Rendez-vous sur openai.com pour lire la suite. Merci.', ['Rendez-vous sur openai.com pour lire la suite.', 'Merci.']],
    ['Le site www.example.fr est ouvert. Le site https://www.Example.Com/Page?Id=3 aussi.', ['Le site www.example.fr est ouvert.', 'Le site https://www.Example.Com/Page?Id=3 aussi.']],
    ['Écrivez à Jean.Dupont@Example.fr dès demain. Il répondra.', ['Écrivez à Jean.Dupont@Example.fr dès demain.', 'Il répondra.']],
    ['Le lien est https://x.fr/a/b.html. Il marche.', ['Le lien est https://x.fr/a/b.html.', 'Il marche.']],
    ['Ouvrez le fichier rapport.PDF puis index.Html aussitôt. Fin.', ['Ouvrez le fichier rapport.PDF puis index.Html aussitôt.', 'Fin.']],
  ])('%s', (text, expected) => {
    expect(split(text)).toEqual(expected);
  });
});

describe('glued sentences (no space after the end)', () => {
  it.each([
    ['la conduite en milieu urbain.Le départ de Karpathy intervient.', ['la conduite en milieu urbain.', 'Le départ de Karpathy intervient.']],
    ["avec Tesla ?Quelles sont les sources d'inspiration ?", ['avec Tesla ?', "Quelles sont les sources d'inspiration ?"]],
    ['jusqu’en juillet 2022.Il partage son expertise.', ['jusqu’en juillet 2022.', 'Il partage son expertise.']],
    ["de l'entreprise.L'équipe a grandi.", ["de l'entreprise.", "L'équipe a grandi."]],
    ["C'est la fin.À Paris, rien.", ["C'est la fin.", 'À Paris, rien.']],
    ['Il est arrivé !Personne ne l’attendait.', ['Il est arrivé !', 'Personne ne l’attendait.']],
    ['Il a salué leur travail.- Royaume-Uni : écoles ouvertes -Boris Johnson a confirmé.', ['Il a salué leur travail.', '- Royaume-Uni : écoles ouvertes -Boris Johnson a confirmé.']],
    ['a-t-elle lancé, saluant "43 ans"."Avec mes adjoints, on travaille", a-t-elle dit.', ['a-t-elle lancé, saluant "43 ans".', '"Avec mes adjoints, on travaille", a-t-elle dit.']],
    ['Source : vidéoQuel est votre avis sur le sujet ?', ['Source : vidéo', 'Quel est votre avis sur le sujet ?']],
    ['- Retour des traders à Wall StreetAux Etats-Unis, les marchés montent.', ['- Retour des traders à Wall Street', 'Aux Etats-Unis, les marchés montent.']],
    ["pour l'automobileLe président a présenté un plan.", ["pour l'automobile", 'Le président a présenté un plan.']],
  ])('splits %s', (text, expected) => {
    expect(split(text)).toEqual(expected);
  });
  it.each([
    'Il a rencontré M.Dupont hier.',
    'Il a rencontré MM.Dupont et Durand hier.',
    'En 52 av. J.-C. Vercingétorix se rend.',
    'Il est allé aux U.S.A. en 1990.',
    'Il faut, p.ex. dans ce cas, attendre.',
    'Il a lu le fichier Rapport.Final.docx hier.',
    'Téléchargez la version 2.0.1 ou la v3.Beta demain.',
    'Voir Site.Com et Node.Js pour les détails.',
    'Le serveur www.Exemple.fr répond.',
    'Il publie sur YouTube, LinkedIn et DeepMind avec son iPhone et son MacBook.',
    'Le mot-dièse #JeSuisCharlie et le compte @NousToutes circulent.',
    'Karpathy travaille chez OpenAI Le lundi.',
  ])('does not split %s', (text) => {
    expect(split(text)).toEqual([text]);
  });
});

describe('line breaks', () => {
  it('ends a sentence at a blank line and at a line break (headlines without final period)', () => {
    expect(split('Grand titre sans point\n\nPremier paragraphe. Deuxième phrase\n\nDernier paragraphe')).toEqual([
      'Grand titre sans point',
      'Premier paragraphe.',
      'Deuxième phrase',
      'Dernier paragraphe',
    ]);
    expect(split('Cyclisme\nLe Tour passe par ici.\r\nFootball\r\nLe match est nul.')).toEqual([
      'Cyclisme',
      'Le Tour passe par ici.',
      'Football',
      'Le match est nul.',
    ]);
  });
  it('keeps a closing quote left alone before a line break with its sentence', () => {
    expect(split('Il a été acté par le président. "\nSi j\'avais su.')).toEqual(['Il a été acté par le président. "', "Si j'avais su."]);
  });
  it('keeps a hard-wrapped sentence together when the next line starts lowercase', () => {
    expect(split('Il était monté au cinquième\npar l’escalier de service. Puis il partit.')).toEqual([
      'Il était monté au cinquième\npar l’escalier de service.',
      'Puis il partit.',
    ]);
  });
  it('starts a list item on its own line', () => {
    expect(split('Le comité est inchangé :\n- président : Luc ;\n- trésorière : Marie.')).toEqual([
      'Le comité est inchangé :',
      '- président : Luc ;',
      '- trésorière : Marie.',
    ]);
    expect(split('Le comité est inchangé :\nprésident : Luc ;\ntrésorière : Marie.')).toEqual([
      'Le comité est inchangé :',
      'président : Luc ;',
      'trésorière : Marie.',
    ]);
  });
});

describe('regions and offsets', () => {
  it('only segments inside the region and returns offsets into the whole text', () => {
    const text = 'AVANT. Première phrase. Seconde phrase. APRÈS.';
    const region = { start: 7, end: 39 };
    const spans = segmentSentences(text, region);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['Première phrase.', 'Seconde phrase.']);
    expect(spans[0]).toEqual({ start: 7, end: 23 });
  });
  it('returns nothing for an empty or blank region', () => {
    expect(segmentSentences('   \n\n  ', { start: 0, end: 7 })).toEqual([]);
    expect(segmentSentences('abc', { start: 2, end: 2 })).toEqual([]);
  });
  it('is deterministic', () => {
    const text = readFileSync(SEED_PATH, 'utf8');
    const region = { start: 0, end: text.length };
    expect(JSON.stringify(segmentSentences(text, region))).toBe(JSON.stringify(segmentSentences(text, region)));
  });
});

const META: ArticleMeta = { id: 'seed', source: 'seed', sha256: '', title: null, published: null, url: null, declaredLanguage: null };

describe('segment stage', () => {
  it('makes the title its own sentence and segments the body, in text order', async () => {
    const text = readFileSync(SEED_PATH, 'utf8');
    const { title, body } = seedRegions(text);
    const doc = createDocument(META, text, body, title);
    await segmentStage.run(doc);
    expect(doc.text).toBe(text);
    expect(doc.sentences[0]).toEqual({ index: 0, start: 14, end: 96, kind: 'title' });
    expect(doc.sentences.slice(1).every((s) => s.kind === 'body')).toBe(true);
    doc.sentences.forEach((s, i) => expect(s.index).toBe(i));
    const gold = JSON.parse(readFileSync(seedGoldPath(), 'utf8')) as { sentences: Array<{ start: number; end: number }> };
    // Every gold sentence is found with its exact offsets, `Source : vidéoQuel est votre avis…` included.
    const found = new Set(doc.sentences.map((s) => `${s.start}-${s.end}`));
    const missing = gold.sentences.filter((s) => !found.has(`${s.start}-${s.end}`)).map((s) => text.slice(s.start, s.end));
    expect(missing).toEqual([]);
    expect(doc.sentences).toHaveLength(gold.sentences.length);
  });
  it('does not segment a title twice when it lies inside the body', async () => {
    const text = 'Le titre\nLe corps commence. Il finit.';
    const doc = createDocument(META, text, { start: 0, end: text.length }, { start: 0, end: 8 });
    await segmentStage.run(doc);
    expect(doc.sentences.map((s) => [s.kind, text.slice(s.start, s.end)])).toEqual([
      ['title', 'Le titre'],
      ['body', 'Le corps commence.'],
      ['body', 'Il finit.'],
    ]);
  });
  it('works without a title', async () => {
    const text = 'Une phrase. Une autre.';
    const doc = createDocument(META, text, { start: 0, end: text.length }, null);
    await segmentStage.run(doc);
    expect(doc.sentences.map((s) => s.kind)).toEqual(['body', 'body']);
  });
});

describe('accuracy', () => {
  it('reaches boundary F1 >= 0.98 on the seed article', () => {
    const scores = scoreBoundaries(segmentSentences, [loadSeed()]);
    expect(scores.f1).toBeGreaterThanOrEqual(0.98);
  });
  const sequoiaPresent = existsSync(path.join(corporaDir(), 'sequoia-ne'));
  it.skipIf(!sequoiaPresent)('reaches boundary F1 >= 0.97 on Sequoia with headings on their own line', () => {
    expect(scoreBoundaries(segmentSentences, loadSequoia(true)).f1).toBeGreaterThanOrEqual(0.97);
  });
  it.skipIf(!sequoiaPresent)('keeps boundary precision >= 0.99 on space-joined Sequoia', () => {
    expect(scoreBoundaries(segmentSentences, loadSequoia(false)).precision).toBeGreaterThanOrEqual(0.99);
  });
});

describe('robustness', () => {
  const WHITESPACE = /\s/;
  /** Characters chosen to stress the scanner: terminators, quotes, spaces of every kind, zero-width and bidi controls. */
  const TRICKY = [
    '.', '.', '.', '!', '?', '…', ' ', ' ', ' ', '\n', '\r\n', '\n\n', NBSP, NNBSP, '\u2028', '\u2029', '\u200b', '\u200d', '\ufeff',
    '\u202e', '\u2066', '\u2069', '«', '»', '"', "'", '’', '(', ')', '[', ']', '-', '—', 'M', 'J', 'Le', 'Il', 'à', 'é', 'À',
    'p', 'etc', 'www', '://', '@', '/', '2', '0', '😀', '\ud83d', '\ude00', 'ß', 'İ', 'ǅ', '\u0301',
  ];
  const trickyString = fc.array(fc.constantFrom(...TRICKY), { maxLength: 60 }).map((parts) => parts.join(''));
  const longRun = fc.array(fc.constantFrom('mot', ' ', 'Paris', 'é', '\u00a0', 'vidéo', 'Quel'), { maxLength: 3000 }).map((parts) => parts.join(''));
  const anyString = fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), trickyString, fc.string({ unit: 'grapheme', maxLength: 100 }), longRun);

  it('never throws and returns ordered, trimmed, non-empty spans covering every non-whitespace character of the region', () => {
    fc.assert(
      fc.property(anyString, fc.nat(), fc.nat(), (text, a, b) => {
        const start = text.length === 0 ? 0 : a % (text.length + 1);
        const end = start + (text.length === 0 ? 0 : b % (text.length - start + 1));
        const spans = segmentSentences(text, { start, end });
        let previousEnd = start;
        let covered = 0;
        for (const span of spans) {
          expect(span.start).toBeGreaterThanOrEqual(previousEnd);
          expect(span.end).toBeGreaterThan(span.start);
          expect(span.end).toBeLessThanOrEqual(end);
          expect(WHITESPACE.test(text[span.start] ?? '')).toBe(false);
          expect(WHITESPACE.test(text[span.end - 1] ?? '')).toBe(false);
          // Between two sentences there is only whitespace.
          expect(text.slice(previousEnd, span.start).trim()).toBe('');
          for (let i = span.start; i < span.end; i++) if (!WHITESPACE.test(text[i] ?? '')) covered++;
          previousEnd = span.end;
        }
        expect(text.slice(previousEnd, end).trim()).toBe('');
        let nonWhitespace = 0;
        for (let i = start; i < end; i++) if (!WHITESPACE.test(text[i] ?? '')) nonWhitespace++;
        expect(covered).toBe(nonWhitespace);
      }),
      { numRuns: 2000, seed: 20240301 },
    );
  });

  it('segments a 10,000-word sentence without punctuation in well under a second', () => {
    const words = Array.from({ length: 10_000 }, (_, i) => (i % 7 === 0 ? 'Paris' : 'mot'));
    const text = words.join(' ');
    const started = performance.now();
    const spans = segmentSentences(text, { start: 0, end: text.length });
    const elapsed = performance.now() - started;
    expect(spans).toEqual([{ start: 0, end: text.length }]);
    expect(elapsed).toBeLessThan(250);
  });

  it('stays linear on long runs of periods and tokens without spaces', () => {
    const texts = ['.'.repeat(200_000), 'a.'.repeat(100_000), 'A.'.repeat(100_000), `${'x'.repeat(200_000)}. Fin.`, '…\n'.repeat(50_000)];
    for (const text of texts) {
      const started = performance.now();
      segmentSentences(text, { start: 0, end: text.length });
      expect(performance.now() - started).toBeLessThan(1000);
    }
  });
});
