"""The model card renders from a checkpoint of the package's own model and the evaluation dicts the steps return."""
from __future__ import annotations

import argparse

from training import export, release


def report(f1: float, types=('PER', 'ORG', 'LOC', 'MISC')) -> dict:
    r = {t: {'p': f1, 'r': f1, 'f1': f1, 'support': 10} for t in types}
    r['micro'] = {'p': f1, 'r': f1, 'f1': f1, 'support': 10 * len(types)}
    return r


def test_card_renders(tmp_path):
    model = export.random_model(300, layers=1, hidden=32, heads=2, intermediate=64)
    ck = {'config': model.config.to_dict(), 'model': model.state_dict(), 'step': 30, 'elapsed': 60.0, 'dev_f1': 0.5,
          'args': {'lr': 7e-4, 'warmup': 10, 'minutes': 1, 'max_len': 128, 'weights': 'sequoia-train=1'}}
    ev = {'sequoia-test': report(0.6), 'sequoia-test-argmax': report(0.55), 'hipe2020-test': report(0.5),
          'hipe2020-test-with-DATE': report(0.45, ('PER', 'ORG', 'LOC', 'MISC', 'DATE'))}
    seed = {'seed_gold': {'p': 0.5, 'r': 0.5, 'f1': 0.5, 'tp': 1, 'fp': 1, 'fn': 1}}
    head = 'minutes\tstep\tepoch\tsubwords\tloss\tseq_dev_f1\tseq_dev_f1_argmax\tPER\tORG\tLOC\tMISC\thipe_dev_f1\tdate_f1'
    curves = {'r1': [head, '1.0\t30\t0\t1000\t1.0\t0.5\t0.4\t0.5\t0.5\t0.5\t0.5\t0.4\t0.3']}
    a = argparse.Namespace(note='test', out=str(tmp_path), extra_md=None, checkpoint='runs/r1/best.pt', run='r1')
    release.render(a, ck, ev, seed, 'int8 line', 'tokenizer: 1/1 cases identical\n', curves, {'r1': ck['args']},
                   {'model_quantized.onnx': ('1.00', 'abc')})
    card = (tmp_path / 'MODEL_CARD.md').read_text(encoding='utf-8')
    assert '**0.600**' in card and 'int8 line' in card and 'BertForTokenClassification' in card
    assert 'python -m training.release --checkpoint runs/r1/best.pt' in card
    assert 'linear head over 11 labels' in card
