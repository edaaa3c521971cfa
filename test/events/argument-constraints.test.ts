/**
 * General rules on who and what fills an event's roles and when it happened: time of a referred-to past event,
 * possessive antecedents, place and agent types, subject pronouns, coordination, relative clauses.
 */
import { describe, expect, it } from 'vitest';
import type { EventRecord } from '../../src/dataset/schema.js';
import { eventsOf } from '../helpers/events.js';

const brief = (records: EventRecord[]) => records.map((r) => `${r.type} ${r.trigger.text} [${r.arguments.map((a) => `${a.role}=${a.canonical}`).join(', ')}] ${r.time?.value ?? '-'}`);

describe('time of the event itself', () => {
  it('an event noun after a preposition takes no date of the governing verb, only one inside its own phrase', () => {
    const records = eventsOf({
      text: 'France 3 a diffusé lundi un documentaire sur la mort de Jacques Brel. Le public a salué jeudi un hommage après la mort de Jean Ferrat en 2010.',
      entities: [['France 3', 'ORG'], ['Jacques Brel', 'PER'], ['Jean Ferrat', 'PER']],
      timexes: [['lundi', '2024-03-04'], ['jeudi', '2024-03-07'], ['2010', '2010']],
    });
    const deaths = records.filter((r) => r.type === 'Life.Die');
    expect(deaths.map((r) => [r.arguments.map((a) => a.canonical), r.time?.value ?? null])).toEqual([
      [['Jacques Brel'], null],
      [['Jean Ferrat'], '2010'],
    ]);
  });

  it('an event noun after a temporal preposition or a support verb keeps the clause time', () => {
    const records = eventsOf({
      text: 'Trois policiers ont été blessés mardi lors de l’attaque de Kaboul. La police a ouvert mercredi une enquête sur Paul Martin.',
      entities: [['Kaboul', 'LOC'], ['Paul Martin', 'PER']],
      timexes: [['mardi', '2024-03-05'], ['mercredi', '2024-03-06']],
    });
    expect(records.find((r) => r.type === 'Conflict.Attack')?.time?.value).toBe('2024-03-05');
    expect(records.find((r) => r.type === 'Justice.Investigate')?.time?.value).toBe('2024-03-06');
  });

  it('a participle describing a noun takes no fronted date of the sentence', () => {
    const [death] = eventsOf({
      text: 'Le 12 mars 2024, la chaîne rend hommage à Jacques Brel, décédé il y a plusieurs années.',
      entities: [['Jacques Brel', 'PER']],
      timexes: [['Le 12 mars 2024', '2024-03-12']],
    }).filter((r) => r.type === 'Life.Die');
    expect(death?.arguments.map((a) => a.canonical)).toEqual(['Jacques Brel']);
    expect(death?.time).toBeNull();
  });

  it('the trigger noun is its own participant only when counted, plural or indefinite', () => {
    const records = eventsOf({ text: 'La mort de Paul Martin a choqué. L’explosion a fait 12 morts. Un blessé a été transporté.', entities: [['Paul Martin', 'PER']] });
    const deaths = records.filter((r) => r.type === 'Life.Die');
    expect(deaths.map((r) => r.arguments.map((a) => `${a.role}=${a.canonical}`))).toEqual([['victim=Paul Martin'], ['victim=12 morts']]);
  });
});

describe('possessive antecedents', () => {
  it('a possessive event noun takes up the participant of the same event told just before', () => {
    const records = eventsOf({
      text: 'Paul Martin est mort dimanche. Sa veuve, Marie Dupont, a annoncé son décès.',
      entities: [['Paul Martin', 'PER'], ['Marie Dupont', 'PER']],
      timexes: [['dimanche', '2024-03-03']],
    });
    const deaths = records.filter((r) => r.type === 'Life.Die');
    expect(deaths.map((r) => r.arguments.map((a) => a.canonical))).toEqual([['Paul Martin'], ['Paul Martin']]);
    expect(deaths[1]!.arguments[0]).toMatchObject({ kind: 'pronoun', resolved: true });
  });

  it('without such an event, the possessor is resolved as before', () => {
    const [departure] = eventsOf({ text: 'Marie Dupont dirige Renault depuis 2019. Son départ surprend.', entities: [['Marie Dupont', 'PER'], ['Renault', 'ORG']] }).filter(
      (r) => r.type === 'Personnel.End-Position',
    );
    expect(departure?.arguments.find((a) => a.role === 'person')?.canonical).toBe('Marie Dupont');
  });
});

describe('argument types', () => {
  it('a place found by proximity is a location after a locative preposition, never a subject, a channel or a holiday', () => {
    const records = eventsOf({
      text: 'La radio France Inter a rendu hommage au chanteur. Paul Martin est mort à France Inter. Jean Petit est mort sur Arte pendant Noël. Luc Morel est mort samedi en Bretagne.',
      entities: [['France Inter', 'LOC'], ['Paul Martin', 'PER'], ['Jean Petit', 'PER'], ['Arte', 'LOC'], ['Noël', 'LOC'], ['Luc Morel', 'PER'], ['Bretagne', 'LOC']],
      timexes: [['samedi', '2024-03-02']],
    });
    const places = records.filter((r) => r.type === 'Life.Die').map((r) => `${r.arguments[0]!.canonical}@${r.place?.canonical ?? '-'}`);
    expect(places).toEqual(['Paul Martin@-', 'Jean Petit@-', 'Luc Morel@Bretagne']);
  });

  it('a vehicle is never an agent', () => {
    const records = eventsOf({
      text: 'Le Boeing 747 a transporté 300 passagers vers Lyon. L’avion Concordia a transporté 80 passagers vers Nice. Le ministre Paul Martin a transporté l’aide vers Nice.',
      entities: [['Boeing 747', 'ORG'], ['Concordia', 'PER'], ['Lyon', 'LOC'], ['Nice', 'LOC'], ['Paul Martin', 'PER']],
    });
    const agents = records.filter((r) => r.type === 'Movement.Transport').map((r) => r.arguments.find((a) => a.role === 'agent')?.canonical ?? '-');
    expect(agents).toEqual(['-', '-', 'Paul Martin']);
  });
});

describe('subject pronouns', () => {
  it('`il` takes up the subject of the nearest sentence, not the most named person', () => {
    const records = eventsOf({
      text: 'Jean Petit a démissionné. Jean Petit a quitté Renault. Selon Jean Petit, rien ne change. Pierre Durand est arrivé lundi. Il a déclaré que tout irait bien.',
      entities: [['Jean Petit', 'PER'], ['Pierre Durand', 'PER'], ['Renault', 'ORG']],
    });
    const statement = records.find((r) => r.trigger.text === 'déclaré');
    expect(statement?.arguments).toEqual([expect.objectContaining({ role: 'agent', canonical: 'Pierre Durand', kind: 'pronoun' })]);
  });
});

describe('coordination and relative clauses', () => {
  it('coordinated names fill the same role; a name after `et` that opens a new clause does not', () => {
    const records = eventsOf({
      text: 'Jean Petit et Pierre Durand ont été arrêtés mardi. La police a arrêté Luc Morel, Paul Martin et Marc Roy à Lyon et Grenoble. La police a arrêté Marc Roy et Paul Martin a démissionné.',
      entities: [['Jean Petit', 'PER'], ['Pierre Durand', 'PER'], ['Luc Morel', 'PER'], ['Paul Martin', 'PER'], ['Marc Roy', 'PER'], ['Lyon', 'LOC'], ['Grenoble', 'LOC']],
      timexes: [['mardi', '2024-03-05']],
    });
    expect(brief(records.filter((r) => r.type === 'Justice.Arrest-Jail'))).toEqual([
      'Justice.Arrest-Jail arrêtés [person=Jean Petit, person=Pierre Durand] 2024-03-05',
      'Justice.Arrest-Jail arrêté [agent=La police, person=Luc Morel, person=Paul Martin, person=Marc Roy, place=Lyon, place=Grenoble] -',
      'Justice.Arrest-Jail arrêté [agent=La police, person=Marc Roy] -',
    ]);
  });

  it('a list before a verb counts only when it opens the clause', () => {
    const records = eventsOf({ text: 'Le juge a entendu Jean Petit et Pierre Durand a été arrêté.', entities: [['Jean Petit', 'PER'], ['Pierre Durand', 'PER']] });
    expect(brief(records.filter((r) => r.type === 'Justice.Arrest-Jail'))).toEqual(['Justice.Arrest-Jail arrêté [person=Pierre Durand] -']);
  });

  it('the antecedent of `qui` is the relative verb’s subject and the main verb’s subject', () => {
    const records = eventsOf({ text: 'Le soldat qui a tué Paul Martin a été condamné.', entities: [['Paul Martin', 'PER']] });
    expect(brief(records)).toEqual(['Life.Die tué [agent=Le soldat, victim=Paul Martin] -', 'Justice.Convict condamné [person=Le soldat] -']);
  });
});
