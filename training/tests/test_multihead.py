"""Model v2: the heads' shapes and losses, the warm start from the shipped graph, the exported graph's contract
(every output named by the contract, dynamic shapes, fp32 == torch, int8 close), the runtime-style decoding of it."""
from __future__ import annotations

import json
import os

import numpy as np
import pytest
import torch

from training import multihead as mh
from training import syntax as sx
from training.contract import FEAT_GROUPS, LABELS, ROOT_POSITION, SYNTAX_OUTPUTS, UPOS
from training.paths import SHIPPED

SHIPPED_ONNX = os.path.join(SHIPPED, 'onnx', 'model.onnx')


def sentence(forms, heads, rels, upos):
    return {'sent_id': 't', 'text': ' '.join(forms), 'words': [
        {'form': f, 'lemma': f.lower(), 'upos': u, 'feats': {'Number': 'Sing'} if u in ('NOUN', 'PROPN') else {},
         'head': h, 'deprel': r, 'space': True} for f, h, r, u in zip(forms, heads, rels, upos)]}


SENTS = [sentence(['Marie', 'habite', 'à', 'Lyon'], [2, 0, 4, 2], ['nsubj', 'root', 'case', 'obl'],
                  ['PROPN', 'VERB', 'ADP', 'PROPN']),
         sentence(['Le', 'ministre', 'a', 'rencontré', 'Paul', 'Martin'], [2, 4, 4, 0, 4, 5],
                  ['det', 'nsubj', 'aux', 'root', 'obj', 'flat'], ['DET', 'NOUN', 'AUX', 'VERB', 'PROPN', 'PROPN'])]


@pytest.fixture(scope='module')
def tiny(tiny_tokenizer):
    torch.manual_seed(0)
    vocab = sx.build_vocab(SENTS, lemma_min_count=1)
    cfg = mh.encoder_config(tiny_tokenizer.get_vocab_size(), hidden=32, layers=1, heads=2, intermediate=64,
                            max_positions=128)
    m = mh.build(cfg, vocab, 'eager', arc_dim=16, rel_dim=16, rel_rank=4)
    exs = [sx.build(tiny_tokenizer, s, vocab) for s in SENTS]
    return m.eval(), vocab, exs


def test_contract_lists_the_outputs_and_inventories():
    assert mh.OUTPUTS == ['logits'] + SYNTAX_OUTPUTS
    assert sx.UPOS == UPOS and sx.FEATS == FEAT_GROUPS and ROOT_POSITION == 0


def test_head_shapes_and_losses(tiny):
    m, vocab, exs = tiny
    b = sx.collate(exs, [0, 1])
    s = m.word_scores(b)
    B, W = b['word_pos'].shape
    assert s['upos'].shape == (B, W, len(UPOS)) and s['lemma'].shape == (B, W, len(vocab.lemmas))
    assert s['feats'].shape == (B, W, sum(vocab.feat_sizes))
    assert s['arc'].shape == (B, W, W + 1)
    assert torch.isinf(s['arc'][0, :, 5:]).all()               # sentence 0 has 4 words: candidates 5, 6 are padding
    assert m.rel_logits(s, b['head'].clamp(min=0)).shape == (B, W, len(vocab.deprels))
    m.train()
    loss, parts = m.syntax_loss(b)
    loss.backward()
    m.eval()
    assert set(parts) == {'upos', 'lemma', 'arc', 'rel', 'feats'} and all(np.isfinite(v) for v in parts.values())
    assert m.arc_u.grad is not None and m.rel_dk.weight.grad is not None


def test_factored_relation_scores_equal_the_training_scorer(tiny):
    m, vocab, exs = tiny
    b = sx.collate(exs, [0, 1])
    with torch.no_grad():
        s = m.word_scores(b)
        heads = b['head'].clamp(min=0)
        ref = m.rel_logits(s, heads)
        o = m.outputs(b['input_ids'], b['attention_mask'], b['token_type_ids'])
    R, K2 = len(vocab.deprels), m.rel_rank + 2
    for r, e in enumerate(exs):
        pos = np.array(e.word_pos)
        cand = np.concatenate([[0], pos])
        rd = o['rel_dep'][r, pos].view(len(pos), R, K2)
        rh = o['rel_head'][r, cand[np.array(e.head)]].view(len(pos), R, K2)
        assert torch.allclose((rd * rh).sum(-1), ref[r, :len(pos)], atol=1e-4)
        arc = o['arc_scores'][r][pos][:, cand]
        assert torch.allclose(arc, s['arc'][r, :len(pos), :len(pos) + 1], atol=1e-4)


@pytest.mark.skipif(not os.path.exists(SHIPPED_ONNX), reason='shipped fp32 graph absent')
def test_warm_start_reproduces_the_shipped_model():
    import onnxruntime as ort
    from training import tokenizer as tok
    tk = tok.load(os.path.join(SHIPPED, 'tokenizer.json'))
    m = mh.build(mh.encoder_config(tk.get_vocab_size()), sx.build_vocab(SENTS, 1), 'eager')
    loaded = set(mh.shipped_state(SHIPPED_ONNX, m))
    m.load_state_dict(mh.shipped_state(SHIPPED_ONNX, m), strict=False)
    m.eval()
    assert {n for n in loaded if n.startswith('encoder.')} == {'encoder.' + n for n, _ in m.encoder.named_parameters()}
    s = ort.InferenceSession(SHIPPED_ONNX, providers=['CPUExecutionProvider'])
    texts = ["L'entreprise Verdier a ouvert une usine près de Nantes.", 'Marie Dubois habite à Lyon.']
    enc = [tk.encode(t).ids for t in texts]
    L = max(map(len, enc))
    ids = np.zeros((2, L), dtype=np.int64)
    am = np.zeros_like(ids)
    for r, e in enumerate(enc):
        ids[r, :len(e)] = e
        am[r, :len(e)] = 1
    (ref,) = s.run(['logits'], {'input_ids': ids, 'attention_mask': am, 'token_type_ids': np.zeros_like(ids)})
    with torch.no_grad():
        got = m(input_ids=torch.from_numpy(ids), attention_mask=torch.from_numpy(am),
                token_type_ids=torch.zeros_like(torch.from_numpy(ids))).logits.numpy()
    keep = am.astype(bool)
    assert np.abs(got[keep] - ref[keep]).max() < 1e-3


@pytest.fixture(scope='module')
def folder(tiny, tiny_tokenizer, tmp_path_factory):
    m, vocab, exs = tiny
    d = tmp_path_factory.mktemp('mh')
    tok_path = str(d / 'tok.json')
    tiny_tokenizer.save(tok_path)
    info = mh.write_folder(m, str(d / 'export'), tok_path, max_len=128)
    return str(d / 'export'), info


def test_export_contract(tiny, folder):
    import onnxruntime as ort
    m, vocab, exs = tiny
    out, info = folder
    assert set(info) == {'model.onnx', 'model_quantized.onnx'}
    cfg = json.load(open(os.path.join(out, 'config.json'), encoding='utf-8'))
    assert cfg['model_type'] == 'bert' and [cfg['id2label'][str(i)] for i in range(len(LABELS))] == LABELS
    syn = cfg['chronique']['syntax']
    assert cfg['chronique']['outputs'] == mh.OUTPUTS and syn['upos'] == UPOS and syn['featGroups'] == FEAT_GROUPS
    assert sx.Vocab.from_dict(syn) == vocab
    s = ort.InferenceSession(os.path.join(out, 'onnx', 'model.onnx'), providers=['CPUExecutionProvider'])
    assert [o.name for o in s.get_outputs()] == mh.OUTPUTS
    assert [i.name for i in s.get_inputs()] == ['input_ids', 'attention_mask', 'token_type_ids']
    R, K2 = len(vocab.deprels), m.rel_rank + 2
    for b, t in ((1, 9), (3, 33)):
        ids = np.random.default_rng(b).integers(5, m.config.vocab_size, size=(b, t)).astype(np.int64)
        am = np.ones_like(ids)
        am[-1, t // 2:] = 0
        tt = np.zeros_like(ids)
        got = dict(zip(mh.OUTPUTS, s.run(mh.OUTPUTS, {'input_ids': ids, 'attention_mask': am, 'token_type_ids': tt})))
        with torch.no_grad():
            ref = m.outputs(torch.from_numpy(ids), torch.from_numpy(am), torch.from_numpy(tt))
        assert got['arc_scores'].shape == (b, t, t) and got['rel_dep'].shape == (b, t, R * K2)
        assert got['logits'].shape == (b, t, len(LABELS)) and got['upos_logits'].shape == (b, t, len(UPOS))
        keep = am.astype(bool)
        for k in mh.OUTPUTS:
            g, r = got[k], ref[k].numpy()
            if k == 'arc_scores':
                assert np.abs(g[keep][:, :t][:, keep[-1] if b == 1 else slice(None)] -
                              r[keep][:, :t][:, keep[-1] if b == 1 else slice(None)]).max() < 1e-3
            else:
                assert np.abs(g[keep] - r[keep]).max() < 1e-3, k


def test_runtime_style_decoding_of_the_graph(tiny, folder, tiny_tokenizer):
    from training.evaluate import run_syntax, session
    m, vocab, exs = tiny
    out, _ = folder
    cfg = json.load(open(os.path.join(out, 'config.json'), encoding='utf-8'))
    for name in ('model.onnx', 'model_quantized.onnx'):
        pred = run_syntax(session(os.path.join(out, 'onnx', name), 1), exs, cfg)
        for p, e in zip(pred, exs):
            n = len(e.word_pos)
            assert sx.is_tree(p['head']) and len(p['upos']) == len(p['lemma']) == len(p['rel']) == n
            assert all(len(f) == len(FEAT_GROUPS) for f in p['feats'])
