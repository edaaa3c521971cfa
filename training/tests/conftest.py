"""Shared fixtures: a tiny Unigram tokenizer trained in seconds on sentences written for these tests."""
from __future__ import annotations

import pytest

SENTENCES = [
    "Marie Dubois habite à Lyon depuis mars 2021.",
    "L'entreprise Verdier et Fils a ouvert une usine près de Nantes.",
    "Le ministre a rencontré Paul Martin à Bruxelles jeudi.",
    "Aujourd'hui, la mairie de Grenoble publie son budget.",
    "Les élèves du lycée Jean-Moulin visitent le musée d'Orsay.",
    "Le Tour de France passe par Rouen et Amiens cette année.",
    "Selon l'agence, 1 500 personnes ont manifesté samedi à Paris.",
    "La société Orbis a racheté l'éditeur Plume pour 12 millions d'euros.",
]


@pytest.fixture(scope='session')
def tiny_tokenizer():
    from training import tokenizer as tok
    return tok.train(SENTENCES * 20, vocab_size=300)
