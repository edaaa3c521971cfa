"""What an exported folder promises the runtime: ONNX input/output names and types, dynamic shapes, the contract's
labels in config.json, the contract's normalizer in tokenizer.json, int8 close to fp32."""
from __future__ import annotations

import json
import os

import numpy as np
import pytest
import torch

from training import export, tokenizer as tok
from training.contract import CHAR_MAP, INVISIBLE, LABELS


@pytest.fixture(scope='module')
def folder(tmp_path_factory, tiny_tokenizer):
    d = tmp_path_factory.mktemp('model')
    tok_path = str(d / 'train-tokenizer.json')
    tiny_tokenizer.save(tok_path)
    model = export.random_model(tiny_tokenizer.get_vocab_size(), layers=1, hidden=32, heads=2, intermediate=64)
    out = str(d / 'export')
    info = export.write_folder(model, out, tok_path, max_len=128)
    return model, out, info


def test_files_and_config(folder):
    _, out, info = folder
    for f in ('config.json', 'tokenizer.json', 'tokenizer_config.json', 'special_tokens_map.json',
              'onnx/model.onnx', 'onnx/model_quantized.onnx'):
        assert os.path.exists(os.path.join(out, f)), f
    assert set(info) == {'model.onnx', 'model_quantized.onnx'}
    cfg = json.load(open(os.path.join(out, 'config.json')))
    assert cfg['model_type'] == 'bert' and cfg['architectures'] == ['BertForTokenClassification']
    assert [cfg['id2label'][str(i)] for i in range(len(cfg['id2label']))] == LABELS
    assert json.load(open(os.path.join(out, 'tokenizer_config.json')))['model_max_length'] == 128


def test_tokenizer_json_normalizer_is_the_contract(folder):
    _, out, _ = folder
    norm = json.load(open(os.path.join(out, 'tokenizer.json'), encoding='utf-8'))['normalizer']
    assert norm['type'] == 'Sequence' and norm['normalizers'][0] == {'type': 'NFC'}
    replaced = {n['pattern']['String']: n['content'] for n in norm['normalizers'][1:]}
    assert replaced == {**CHAR_MAP, **{c: '' for c in INVISIBLE}}


def test_onnx_signature_dynamic_shapes_and_fp32_equals_torch(folder):
    import onnxruntime as ort
    model, out, _ = folder
    s = ort.InferenceSession(os.path.join(out, 'onnx', 'model.onnx'), providers=['CPUExecutionProvider'])
    assert [i.name for i in s.get_inputs()] == ['input_ids', 'attention_mask', 'token_type_ids']
    assert all(i.type == 'tensor(int64)' for i in s.get_inputs())
    assert [o.name for o in s.get_outputs()] == ['logits']
    for b, t in ((1, 7), (3, 40)):
        ids = np.random.default_rng(b).integers(5, model.config.vocab_size, size=(b, t)).astype(np.int64)
        am = np.ones_like(ids)
        am[-1, t // 2:] = 0
        tt = np.zeros_like(ids)
        (lg,) = s.run(['logits'], {'input_ids': ids, 'attention_mask': am, 'token_type_ids': tt})
        assert lg.shape == (b, t, len(LABELS))
        with torch.no_grad():
            ref = model(input_ids=torch.from_numpy(ids), attention_mask=torch.from_numpy(am),
                        token_type_ids=torch.from_numpy(tt)).logits.numpy()
        keep = am.astype(bool)
        assert np.abs(lg[keep] - ref[keep]).max() < 1e-3


def test_int8_is_smaller_and_agrees_with_fp32(folder):
    import onnxruntime as ort
    model, out, _ = folder
    s32 = ort.InferenceSession(os.path.join(out, 'onnx', 'model.onnx'), providers=['CPUExecutionProvider'])
    s8 = ort.InferenceSession(os.path.join(out, 'onnx', 'model_quantized.onnx'), providers=['CPUExecutionProvider'])
    assert {n.op_type for n in __import__('onnx').load(os.path.join(out, 'onnx', 'model_quantized.onnx')).graph.node} \
        & {'MatMulInteger', 'DynamicQuantizeMatMul'}
    ids = np.random.default_rng(0).integers(5, model.config.vocab_size, size=(4, 50)).astype(np.int64)
    feed = {'input_ids': ids, 'attention_mask': np.ones_like(ids), 'token_type_ids': np.zeros_like(ids)}
    a = s32.run(['logits'], feed)[0].argmax(-1)
    b = s8.run(['logits'], feed)[0].argmax(-1)
    assert (a == b).mean() >= 0.9


def test_tokenizer_folder_reloads_with_the_same_ids(folder, tiny_tokenizer):
    _, out, _ = folder
    again = tok.load(os.path.join(out, 'tokenizer.json'))
    text = "L’usine d'Orbis à Lyon, «\u00a0anti\u00adcorps\u00a0»."
    assert again.encode(text).ids == tiny_tokenizer.encode(text).ids
    assert again.encode(text).ids[0] == tok.CLS_ID and again.encode(text).ids[-1] == tok.SEP_ID
