"""The encoder: `transformers`' BertForTokenClassification (post-LayerNorm BERT, GELU, learned absolute positions),
sized by a BertConfig whose id2label is the contract's label set. Checkpoints are plain dicts (config + state dict +
training state) written by `training.finetune`."""
from __future__ import annotations

import torch
from transformers import BertConfig, BertForTokenClassification

from .contract import LABELS


def bert_config(vocab_size: int, hidden: int = 256, layers: int = 4, heads: int = 4, intermediate: int = 1024,
                dropout: float = 0.1, labels: list[str] = LABELS, max_positions: int = 512) -> BertConfig:
    return BertConfig(vocab_size=vocab_size, hidden_size=hidden, num_hidden_layers=layers, num_attention_heads=heads,
                      intermediate_size=intermediate, hidden_act='gelu', hidden_dropout_prob=dropout,
                      attention_probs_dropout_prob=dropout, max_position_embeddings=max_positions, type_vocab_size=2,
                      pad_token_id=0, num_labels=len(labels), id2label=dict(enumerate(labels)),
                      label2id={l: i for i, l in enumerate(labels)}, architectures=['BertForTokenClassification'])


def build(config: BertConfig, attn: str = 'sdpa') -> BertForTokenClassification:
    """`attn`: 'sdpa' to train, 'eager' to export (plain MatMul/Softmax nodes in the ONNX graph)."""
    config._attn_implementation = attn
    return BertForTokenClassification(config)


def logits(model, input_ids, attention_mask, token_type_ids):
    return model(input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids).logits


def load_checkpoint(path: str, attn: str = 'sdpa') -> tuple[BertForTokenClassification, list[str], dict]:
    ck = torch.load(path, map_location='cpu', weights_only=False)
    cfg = BertConfig.from_dict(ck['config'])
    m = build(cfg, attn)
    m.load_state_dict(ck['model'])
    m.eval()
    labels = [cfg.id2label[i] for i in range(cfg.num_labels)]
    return m, labels, ck
