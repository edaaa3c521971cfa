"""Model v2: one French encoder, several heads, one ONNX graph.

Encoder: `transformers`' RobertaPreLayerNormModel (pre-LayerNorm Transformer with an embedding LayerNorm and a final
LayerNorm, GELU, learned absolute positions, token types): the architecture of the shipped NER model's encoder, so that
its weights load unchanged (`warm_start_from_onnx`); RoBERTa counts positions from `pad_token_id + 1`, hence one more
position row, shifted.

Heads, on the final LayerNorm's output:
- `logits` [B, L, labels]: BIO entities per subword (the NER model contract, unchanged);
- `upos_logits` [B, L, 17], `feats_logits` [B, L, sum of group sizes] (groups of `syntax.FEATS`, in order),
  `lemma_logits` [B, L, scripts]: read at each word's first subword;
- `arc_scores` [B, L, L]: biaffine arc scores (Dozat & Manning), [b, d, h] = score of the piece at h (position 0 =
  `[CLS]` = the root) as head of the word whose first piece is at d;
- `rel_dep`, `rel_head` [B, L, R * (K + 2)]: a rank-K biaffine relation scorer in factored form: the score of relation
  r for dependent d and head h is the dot product of rel_dep[b, d, r, :] and rel_head[b, h, r, :] (the two extra
  columns carry the linear terms), so a runtime computes it for whatever head its tree decoder chose."""
from __future__ import annotations

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from transformers import RobertaPreLayerNormConfig, RobertaPreLayerNormModel

from .contract import LABELS, SYNTAX_OUTPUTS
from . import lemma as lem
from .syntax import FEATS, Vocab

OUTPUTS = ['logits'] + SYNTAX_OUTPUTS


def encoder_config(vocab_size: int, hidden: int = 256, layers: int = 4, heads: int = 4, intermediate: int = 1024,
                   dropout: float = 0.1, max_positions: int = 512, labels: list[str] = LABELS) -> RobertaPreLayerNormConfig:
    return RobertaPreLayerNormConfig(
        vocab_size=vocab_size, hidden_size=hidden, num_hidden_layers=layers, num_attention_heads=heads,
        intermediate_size=intermediate, hidden_act='gelu', hidden_dropout_prob=dropout,
        attention_probs_dropout_prob=dropout, max_position_embeddings=max_positions + 1, type_vocab_size=2,
        pad_token_id=0, bos_token_id=2, eos_token_id=3, layer_norm_eps=1e-12, num_labels=len(labels),
        id2label=dict(enumerate(labels)), label2id={l: i for i, l in enumerate(labels)})


class MLP(nn.Module):
    def __init__(self, i: int, o: int, dropout: float):
        super().__init__()
        self.lin = nn.Linear(i, o)
        self.drop = nn.Dropout(dropout)

    def forward(self, x):
        return self.drop(F.gelu(self.lin(x)))


class ScalarMix(nn.Module):
    """Softmax-weighted sum of the encoder's layer states (embeddings + each layer), each normalised first: lower
    layers carry more of the syntax, and the residual stream of a pre-LayerNorm encoder grows in scale with depth."""
    def __init__(self, n: int, hidden: int):
        super().__init__()
        self.w = nn.Parameter(torch.zeros(n))
        self.gamma = nn.Parameter(torch.ones(()))
        self.hidden = hidden

    def forward(self, states: torch.Tensor) -> torch.Tensor:            # [B, n, L, H] -> [B, L, H]
        x = F.layer_norm(states, (self.hidden,))
        return self.gamma * torch.einsum('n,bnlh->blh', torch.softmax(self.w, 0), x)


class MultiHead(nn.Module):
    """The shared encoder with the NER head on its output, and a syntax branch: a scalar mix of its layer states, then
    `syntax_layers` more pre-LayerNorm Transformer layers and a LayerNorm, read by the syntax heads. One encoder pass
    feeds both; with the encoder frozen the entity logits stay the shipped model's."""
    def __init__(self, config: RobertaPreLayerNormConfig, vocab: Vocab, arc_dim: int = 256, rel_dim: int = 128,
                 rel_rank: int = 8, head_dropout: float = 0.2, syntax_layers: int = 1):
        super().__init__()
        from transformers.models.roberta_prelayernorm.modeling_roberta_prelayernorm import RobertaPreLayerNormLayer
        self.config = config
        self.vocab = vocab
        self.rel_rank = rel_rank
        self.n_syntax_layers = syntax_layers
        H = config.hidden_size
        self.encoder = RobertaPreLayerNormModel(config, add_pooling_layer=False)
        self.drop = nn.Dropout(config.hidden_dropout_prob)
        self.classifier = nn.Linear(H, config.num_labels)
        self.mix = ScalarMix(config.num_hidden_layers + 1, H)
        self.syntax_layers = nn.ModuleList([RobertaPreLayerNormLayer(config) for _ in range(syntax_layers)])
        self.syntax_ln = nn.LayerNorm(H, eps=config.layer_norm_eps)
        self.upos = nn.Linear(H, len(vocab.upos))
        self.feats = nn.Linear(H, sum(vocab.feat_sizes))
        self.lemma = nn.Linear(H, len(vocab.lemmas))
        self.arc_dep, self.arc_head = MLP(H, arc_dim, head_dropout), MLP(H, arc_dim, head_dropout)
        self.arc_u = nn.Parameter(torch.zeros(arc_dim, arc_dim))
        self.arc_b = nn.Linear(arc_dim, 1, bias=False)   # head prior
        R = len(vocab.deprels)
        self.rel_dep, self.rel_head = MLP(H, rel_dim, head_dropout), MLP(H, rel_dim, head_dropout)
        self.rel_dk = nn.Linear(rel_dim, R * rel_rank)
        self.rel_hk = nn.Linear(rel_dim, R * rel_rank, bias=False)
        self.rel_dl = nn.Linear(rel_dim, R)
        self.rel_hl = nn.Linear(rel_dim, R, bias=False)

    def encode(self, input_ids, attention_mask, token_type_ids) -> tuple[torch.Tensor, torch.Tensor]:
        """(final hidden state [B, L, H], layer states [B, layers + 1, L, H])."""
        o = self.encoder(input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids,
                         output_hidden_states=True)
        return o.last_hidden_state, torch.stack(o.hidden_states, 1)

    def hidden(self, input_ids, attention_mask, token_type_ids):
        return self.encoder(input_ids=input_ids, attention_mask=attention_mask,
                            token_type_ids=token_type_ids).last_hidden_state

    def syntax_hidden(self, states: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        x = self.drop(self.mix(states))
        bias = ((1.0 - attention_mask[:, None, None, :].to(x.dtype)) * torch.finfo(x.dtype).min)
        for layer in self.syntax_layers:
            x = layer(x, attention_mask=bias)[0]
        return self.syntax_ln(x)

    # -- per-position outputs (export and runtime) -----------------------------------------------------------------
    def outputs(self, input_ids, attention_mask, token_type_ids) -> dict[str, torch.Tensor]:
        last, states = self.encode(input_ids, attention_mask, token_type_ids)
        h = self.syntax_hidden(states, attention_mask)
        R, K = len(self.vocab.deprels), self.rel_rank
        B, L = input_ids.shape
        d, hh = self.arc_dep(h), self.arc_head(h)
        arc = torch.matmul(torch.matmul(d, self.arc_u), hh.transpose(1, 2)) + self.arc_b(hh).transpose(1, 2)
        rd, rh = self.rel_dep(h), self.rel_head(h)
        one = torch.ones(B, L, R, 1, dtype=h.dtype)
        rel_dep = torch.cat([self.rel_dk(rd).view(B, L, R, K), self.rel_dl(rd).view(B, L, R, 1), one], -1)
        rel_head = torch.cat([self.rel_hk(rh).view(B, L, R, K), one, self.rel_hl(rh).view(B, L, R, 1)], -1)
        return {'logits': self.classifier(last), 'upos_logits': self.upos(h), 'feats_logits': self.feats(h),
                'lemma_logits': self.lemma(h), 'arc_scores': arc, 'rel_dep': rel_dep.view(B, L, R * (K + 2)),
                'rel_head': rel_head.view(B, L, R * (K + 2))}

    # -- transformers-style call: NER logits only (nerdata.evaluate, verify.seed_eval use it) ---------------------
    def forward(self, input_ids, attention_mask, token_type_ids):
        class _Out:
            pass
        o = _Out()
        o.logits = self.classifier(self.drop(self.hidden(input_ids, attention_mask, token_type_ids)))
        return o

    # -- training / evaluation on words ----------------------------------------------------------------------------
    def word_scores(self, batch: dict[str, torch.Tensor]) -> dict[str, torch.Tensor]:
        """Scores over the words of a syntax batch (syntax.collate; `states` [B, layers + 1, L, H] when the encoder's
        layer states are given, else computed): per word upos/feats/lemma logits, arc scores over candidate heads
        [root, word 1..W] (padding candidates at -inf), and the relation features `rel_logits` reads."""
        states = batch.get('states')
        if states is None:
            states = self.encode(batch['input_ids'], batch['attention_mask'], batch['token_type_ids'])[1]
        h = self.syntax_hidden(states.float(), batch['attention_mask'])
        pos = batch['word_pos']
        B, W = pos.shape
        hw = torch.gather(h, 1, pos.unsqueeze(-1).expand(B, W, h.shape[-1]))
        cand = torch.cat([h[:, :1], hw], 1)                                     # [B, W+1, H]
        d, hh = self.arc_dep(hw), self.arc_head(cand)
        arc = torch.matmul(torch.matmul(d, self.arc_u), hh.transpose(1, 2)) + self.arc_b(hh).transpose(1, 2)
        cmask = torch.cat([torch.ones(B, 1, dtype=torch.bool), batch['word_mask']], 1)
        arc = arc.masked_fill(~cmask[:, None, :], float('-inf'))
        return {'upos': self.upos(hw), 'feats': self.feats(hw), 'lemma': self.lemma(hw), 'arc': arc,
                'rel_d': self.rel_dep(hw), 'rel_h': self.rel_head(cand)}

    def rel_logits(self, s: dict, heads: torch.Tensor) -> torch.Tensor:
        """[B, W, R] relation logits of each word for the given head indices (0 = root, k = word k)."""
        R, K = len(self.vocab.deprels), self.rel_rank
        rd, rh = s['rel_d'], s['rel_h']
        B, W, _ = rd.shape
        hidx = heads.clamp(min=0)
        rhg = torch.gather(rh, 1, hidx.unsqueeze(-1).expand(B, W, rh.shape[-1]))
        dk = self.rel_dk(rd).view(B, W, R, K)
        hk = self.rel_hk(rhg).view(B, W, R, K)
        return (dk * hk).sum(-1) + self.rel_dl(rd) + self.rel_hl(rhg)

    def syntax_loss(self, batch: dict[str, torch.Tensor]) -> tuple[torch.Tensor, dict[str, float]]:
        s = self.word_scores(batch)
        ce = lambda x, y: F.cross_entropy(x.reshape(-1, x.shape[-1]).float(), y.reshape(-1), ignore_index=-100)  # noqa
        parts = {'upos': ce(s['upos'], batch['upos']), 'lemma': ce(s['lemma'], batch['lemma']),
                 'arc': ce(s['arc'], batch['head']), 'rel': ce(self.rel_logits(s, batch['head']), batch['rel'])}
        off = 0
        fl = []
        for g, n in enumerate(self.vocab.feat_sizes):
            fl.append(ce(s['feats'][..., off:off + n], batch['feats'][..., g]))
            off += n
        parts['feats'] = torch.stack(fl).mean()
        loss = parts['arc'] + parts['rel'] + parts['upos'] + parts['lemma'] + parts['feats']
        return loss, {k: float(v.detach()) for k, v in parts.items()}

    def syntax_parameters(self):
        """Parameters of the syntax branch (everything but the encoder and the NER head)."""
        return [p for n, p in self.named_parameters() if not (n.startswith('encoder.') or n.startswith('classifier.'))]


def build(config: RobertaPreLayerNormConfig, vocab: Vocab, attn: str = 'eager', **kw) -> MultiHead:
    config._attn_implementation = attn
    return MultiHead(config, vocab, **kw)


def head_kwargs(m: MultiHead) -> dict:
    return {'arc_dim': m.arc_u.shape[0], 'rel_dim': m.rel_dk.in_features, 'rel_rank': m.rel_rank,
            'syntax_layers': m.n_syntax_layers}


def checkpoint_dict(m: MultiHead, **extra) -> dict:
    return {'kind': 'multihead', 'config': m.config.to_dict(), 'vocab': m.vocab.to_dict(), 'heads': head_kwargs(m),
            'model': m.state_dict(), **extra}


def load_checkpoint(path: str, attn: str = 'eager') -> tuple[MultiHead, dict]:
    ck = torch.load(path, map_location='cpu', weights_only=False)
    cfg = RobertaPreLayerNormConfig.from_dict(ck['config'])
    m = build(cfg, Vocab.from_dict(ck['vocab']), attn, **ck['heads'])
    m.load_state_dict(ck['model'])
    m.eval()
    return m, ck


# ---------------------------------------------------------------------------------------------------------------
# warm start from the shipped model's ONNX graph

def onnx_weights(path: str) -> dict[str, np.ndarray]:
    """The fp32 parameters of a torch.onnx graph by module name: named initializers as they are, and each Linear's
    weight from the MatMul node named after its module (`/layers.0/att/qkv/MatMul` -> `layers.0.att.qkv.weight`),
    transposed back to torch's [out, in]."""
    import onnx
    from onnx import numpy_helper
    g = onnx.load(path).graph
    init = {i.name: numpy_helper.to_array(i) for i in g.initializer}
    out = {k: v for k, v in init.items() if not k.startswith('onnx::')}
    for n in g.node:
        if n.op_type == 'MatMul' and n.input[1] in init and n.name.endswith('/MatMul'):
            module = n.name.strip('/').rsplit('/', 1)[0].replace('/', '.')
            out[module + '.weight'] = init[n.input[1]].T
    return out


def warm_start_map(w: dict[str, np.ndarray], model: MultiHead) -> dict[str, np.ndarray]:
    """The shipped encoder's parameters (the pre-LayerNorm encoder the shipped graph was exported from: word / pos /
    typ embeddings, emb_ln, layers.N.{ln1, att.qkv, att.out, ln2, fc1, fc2}, final_ln, classifier) under the names of
    `model`'s RobertaPreLayerNorm encoder and NER head. Position rows move up by one: RoBERTa numbers the first
    token `pad_token_id + 1`."""
    H = model.config.hidden_size
    e = 'encoder.embeddings.'
    pos = np.zeros((model.config.max_position_embeddings, H), dtype=np.float32)
    pos[1:1 + w['pos.weight'].shape[0]] = w['pos.weight'][:model.config.max_position_embeddings - 1]
    out = {e + 'word_embeddings.weight': w['word.weight'], e + 'position_embeddings.weight': pos,
           e + 'token_type_embeddings.weight': w['typ.weight'], e + 'LayerNorm.weight': w['emb_ln.weight'],
           e + 'LayerNorm.bias': w['emb_ln.bias'], 'encoder.LayerNorm.weight': w['final_ln.weight'],
           'encoder.LayerNorm.bias': w['final_ln.bias'], 'classifier.weight': w['classifier.weight'],
           'classifier.bias': w['classifier.bias']}
    for i in range(model.config.num_hidden_layers):
        o, n = f'layers.{i}.', f'encoder.encoder.layer.{i}.'
        qkv_w, qkv_b = w[o + 'att.qkv.weight'], w[o + 'att.qkv.bias']
        for k, part in enumerate(('query', 'key', 'value')):
            out[n + f'attention.self.{part}.weight'] = qkv_w[k * H:(k + 1) * H]
            out[n + f'attention.self.{part}.bias'] = qkv_b[k * H:(k + 1) * H]
        pairs = {'ln1': 'attention.LayerNorm', 'att.out': 'attention.output.dense', 'ln2': 'intermediate.LayerNorm',
                 'fc1': 'intermediate.dense', 'fc2': 'output.dense'}
        for a, b in pairs.items():
            out[n + b + '.weight'] = w[o + a + '.weight']
            out[n + b + '.bias'] = w[o + a + '.bias']
    return out


def shipped_state(onnx_path: str, model: MultiHead) -> dict[str, torch.Tensor]:
    """The shipped model's encoder and NER head as a state dict of `model` (see `warm_start_map`)."""
    w = onnx_weights(onnx_path)
    return {k: torch.from_numpy(np.array(v, dtype=np.float32))
            for k, v in warm_start_map(w, model).items()}


# ---------------------------------------------------------------------------------------------------------------
# export: one ONNX graph with every head

class _Graph(nn.Module):
    def __init__(self, model: MultiHead):
        super().__init__()
        self.model = model

    def forward(self, input_ids, attention_mask, token_type_ids):
        o = self.model.outputs(input_ids, attention_mask, token_type_ids)
        return tuple(o[k] for k in OUTPUTS)


def export_onnx(model: MultiHead, path: str, opset: int = 14) -> None:
    """fp32 graph, inputs input_ids / attention_mask / token_type_ids (int64 [batch, seq]), outputs `OUTPUTS`; dynamic
    batch and sequence axes (eager attention: plain MatMul / Softmax nodes)."""
    import os
    eager = build(type(model.config).from_dict(model.config.to_dict()), model.vocab, 'eager', **head_kwargs(model))
    eager.load_state_dict(model.state_dict())
    eager.eval()
    v = model.config.vocab_size
    ids = torch.tensor([[2, 5 % v, 7 % v, 11 % v, 3], [2, 13 % v, 3, 0, 0]], dtype=torch.long)
    am = (ids != 0).long()
    tt = torch.zeros_like(ids)
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    inputs = ['input_ids', 'attention_mask', 'token_type_ids']
    axes = {n: {0: 'batch_size', 1: 'sequence_length'} for n in inputs + OUTPUTS}
    axes['arc_scores'] = {0: 'batch_size', 1: 'sequence_length', 2: 'sequence_length'}
    with torch.no_grad():
        torch.onnx.export(_Graph(eager), (ids, am, tt), path, opset_version=opset, do_constant_folding=True,
                          dynamo=False, input_names=inputs, output_names=OUTPUTS, dynamic_axes=axes)


def folder_config(model: MultiHead, extra: dict | None = None) -> dict:
    """config.json of an exported folder: a BERT view of the encoder's sizes for transformers.js (which only feeds the
    graph; the graph is authoritative), the NER labels, and under `chronique` what the extra outputs mean."""
    from .model import bert_config
    c = model.config
    bc = bert_config(c.vocab_size, hidden=c.hidden_size, layers=c.num_hidden_layers, heads=c.num_attention_heads,
                     intermediate=c.intermediate_size, labels=[c.id2label[i] for i in range(c.num_labels)],
                     max_positions=c.max_position_embeddings - 1)
    d = bc.to_dict()
    d['chronique'] = {'encoder': c.to_dict() | {'id2label': None, 'label2id': None}, 'outputs': OUTPUTS,
                      'syntax': {**model.vocab.to_dict(), 'featGroups': list(FEATS), 'relRank': model.rel_rank,
                                 'root': 'position 0 ([CLS])'},
                      **(extra or {})}
    return d


def write_folder(model: MultiHead, out: str, tokenizer_path: str, max_len: int = 128, extra: dict | None = None) -> dict:
    """The model folder (config.json, tokenizer files, onnx/model.onnx, onnx/model_quantized.onnx int8 per-channel with
    reduce_range); returns {file: {bytes, sha256}}."""
    import json
    import os
    from . import tokenizer as tok
    from .export import quantize, sha256
    fp32 = os.path.join(out, 'onnx', 'model.onnx')
    q8 = os.path.join(out, 'onnx', 'model_quantized.onnx')
    export_onnx(model, fp32)
    quantize(fp32, q8, per_channel=True, reduce_range=True)
    with open(os.path.join(out, 'config.json'), 'w', encoding='utf-8') as f:
        json.dump(folder_config(model, extra), f, ensure_ascii=False, indent=1)
        f.write('\n')
    tok.save_folder(tok.load(tokenizer_path), out, max_len=max_len)
    return {n: {'bytes': os.path.getsize(p), 'sha256': sha256(p)} for n, p in (('model.onnx', fp32),
                                                                              ('model_quantized.onnx', q8))}


def random_fixture(out: str, seed: int = 0) -> dict:
    """A tiny multi-head folder with RANDOM weights (hidden 32, one layer) and a tokenizer trained on a few sentences,
    with the label vocabularies of Sequoia UD train: the runtime tests' fixture for the syntax outputs (their values are
    random; the tests check what must hold for any model: exact offsets, trees, declared values)."""
    import os
    from . import tokenizer as tok
    from .byo import SENTENCES
    from .paths import CORPORA
    torch.manual_seed(seed)
    tk = tok.train(SENTENCES * 30, vocab_size=400)
    conllu = os.path.join(CORPORA, 'sequoia-ne', 'sequoia-ud.parseme.frsemcor.train')
    from .syntax import build_vocab, read_conllu
    vocab = build_vocab(read_conllu(conllu))
    cfg = encoder_config(tk.get_vocab_size(), hidden=32, layers=1, heads=2, intermediate=64, max_positions=128)
    m = build(cfg, vocab, 'eager', arc_dim=16, rel_dim=16, rel_rank=2)
    with torch.no_grad():
        for lin in (m.classifier, m.upos, m.feats, m.lemma):
            lin.weight.normal_(0, 2.0)
        m.arc_u.normal_(0, 0.5)
    m.eval()
    os.makedirs(out, exist_ok=True)
    tok_path = os.path.join(out, 'tokenizer.json')
    tk.save(tok_path)
    info = write_folder(m, out, tok_path, max_len=128, extra={'random_weights': True})
    write_syntax_cases(out, tok_path)
    os.remove(os.path.join(out, 'onnx', 'model.onnx'))     # the runtime tests load the int8 graph only
    return info


PARITY_SENTENCES = ['Le maire de Quimper a présenté jeudi le budget de la ville',
                    'Les supporters du FC Nantes ont rejoint la place Royale après le match',
                    'La chanteuse Inès Martin sera en concert le 14 février']


def write_syntax_cases(out: str, tokenizer_path: str) -> None:
    """`syntax-cases.jsonl`: sentences of space-separated words (so that the runtime's words are these) with the
    syntax Python decodes from the folder's int8 graph (training.evaluate.run_syntax, one sentence per batch); the
    runtime must decode the same."""
    import json
    import os
    from . import tokenizer as tok
    from .evaluate import run_syntax, session
    from .syntax import Vocab, build
    cfg = json.load(open(os.path.join(out, 'config.json'), encoding='utf-8'))
    vocab = Vocab.from_dict(cfg['chronique']['syntax'])
    tk = tok.load(tokenizer_path)
    rows = []
    for text in PARITY_SENTENCES:
        words = [{'form': f, 'lemma': f, 'upos': 'X', 'feats': {}, 'head': 0, 'deprel': 'root', 'space': True}
                 for f in text.split(' ')]
        rows.append((text, build(tk, {'sent_id': '', 'text': text, 'words': words}, vocab, 128)))
    pred = run_syntax(session(os.path.join(out, 'onnx', 'model_quantized.onnx'), 1), [e for _, e in rows], cfg,
                      max_tokens=1)
    with open(os.path.join(out, 'syntax-cases.jsonl'), 'w', encoding='utf-8') as f:
        for (text, e), p in zip(rows, pred):
            forms = text.split(' ')
            f.write(json.dumps({'text': text, 'words': forms, 'upos': [vocab.upos[u] for u in p['upos']],
                                'lemma': [lem.apply(vocab.lemmas[k], w) for k, w in zip(p['lemma'], forms)],
                                'head': [h - 1 for h in p['head']], 'deprel': [vocab.deprels[r] for r in p['rel']],
                                'feats': [{g: vocab.feats[g][v] for g, v in zip(FEATS, fv) if v != 0}
                                          for fv in p['feats']]}, ensure_ascii=False) + '\n')


def main(argv: list[str] | None = None) -> None:
    import argparse
    ap = argparse.ArgumentParser(prog='python -m training.multihead',
                                 description='python -m training.multihead fixture --out test/fixtures/multihead-random')
    sub = ap.add_subparsers(dest='cmd', required=True)
    f = sub.add_parser('fixture', help='tiny random-weights multi-head folder (runtime tests)')
    f.add_argument('--out', required=True)
    a = ap.parse_args(argv)
    print(random_fixture(a.out))


if __name__ == '__main__':
    main()
