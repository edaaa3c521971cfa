/** Participants that are not names, money amounts, mention links, places. */
import { describe, expect, it } from 'vitest';
import { eventsOf } from '../helpers/events.js';

describe('participants of any kind', () => {
  it('emits an event with no named participant; the phrase has its kind, head and count', () => {
    const [die] = eventsOf({ text: 'Deux gendarmes ont été tués mercredi.', timexes: [['mercredi', '2024-02-28']] });
    expect(die?.type).toBe('Life.Die');
    expect(die?.arguments).toEqual([
      expect.objectContaining({ role: 'victim', kind: 'nominal', entity: '', canonical: 'Deux gendarmes', text: 'Deux gendarmes', label: 'PER', count: 2, head: { text: 'gendarmes', start: 5, end: 14 } }),
    ]);
    expect(die?.time?.value).toBe('2024-02-28');
  });

  it('a pronoun is kind pronoun, a definite description kind nominal, a name kind name', () => {
    const records = eventsOf({
      text: 'Renault a publié ses comptes. Il a annoncé la fermeture de l’usine. L’entreprise a licencié 300 salariés.',
      entities: [['Renault', 'ORG']],
    });
    const kinds = records.map((r) => [r.trigger.text, r.arguments.map((a) => `${a.role}:${a.kind}:${a.canonical}`)]);
    expect(kinds).toContainEqual(['annoncé', ['agent:pronoun:Renault']]);
    expect(kinds).toContainEqual(['licencié', ['organization:nominal:Renault', 'person:nominal:300 salariés']]);
  });

  it('a definite description is left unresolved between two organizations named alike', () => {
    const records = eventsOf({ text: 'Renault et Stellantis publient leurs comptes. L’entreprise a licencié 300 salariés.', entities: [['Renault', 'ORG'], ['Stellantis', 'ORG']] });
    const layoff = records.find((r) => r.type === 'Personnel.End-Position')!;
    expect(layoff.arguments.find((a) => a.role === 'organization')).toMatchObject({ kind: 'nominal', entity: '', canonical: 'L’entreprise' });
  });

  it('normalizes money amounts', () => {
    const [fine] = eventsOf({ text: 'La CNIL a infligé une amende de 15 millions d’euros à Google.', entities: [['CNIL', 'ORG'], ['Google', 'ORG']] }).filter((r) => r.type === 'Justice.Fine');
    expect(fine?.arguments.find((a) => a.role === 'money')).toMatchObject({ kind: 'nominal', amount: { value: 15e6, currency: 'EUR' }, text: '15 millions d’euros' });
  });

  it('links the mentions of one event; never a holiday as place', () => {
    const records = eventsOf({
      text: 'Des rebelles ont attaqué une caserne à Goma. L’attaque a fait 14 morts. Trois jeunes femmes sont mortes lors de Halloween.',
      entities: [['Goma', 'LOC'], ['Halloween', 'LOC']],
    });
    const attacks = records.filter((r) => r.type === 'Conflict.Attack');
    expect(attacks.map((r) => r.trigger.text)).toEqual(['attaqué', 'attaque']);
    expect(attacks[1]!.event_cluster).toBe(attacks[0]!.id);
    const deaths = records.filter((r) => r.type === 'Life.Die');
    expect(deaths.map((r) => [r.trigger.text, r.arguments.map((a) => `${a.role}=${a.canonical}${a.count !== null ? `#${a.count}` : ''}`)])).toEqual([
      ['morts', ['victim=14 morts#14']],
      ['mortes', ['victim=Trois jeunes femmes#3']],
    ]);
    expect(deaths.every((r) => r.place === null)).toBe(true);
    expect(deaths[0]!.event_cluster).toBe(deaths[0]!.id);
  });
});
