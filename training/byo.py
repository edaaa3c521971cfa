"""A bring-your-own-model folder of another architecture, for testing the runtime's `--model DIR` path for real:
`transformers` CamembertForTokenClassification with random weights, a SentencePiece-style `tokenizer.json` trained by
`tokenizers` (its SentencePieceUnigramTokenizer: Unigram + Metaspace, `<s>`/`</s>` specials, no token_type_ids; its
normaliser NFKC + collapsed spaces, because transformers.js 4.3 has no `Nmt` normaliser, the class's default), the
IO labels of public French CamemBERT NER exports (`O`, `I-LOC`, `I-PER`, `I-MISC`, `I-ORG`), exported like ours
(torch.onnx fp32 + onnxruntime int8). `cases.jsonl` holds texts with the Python tokenizer's ids, which the runtime's
tokenizer (transformers.js) must reproduce.

  python -m training.byo --out test/fixtures/camembert-random
"""
from __future__ import annotations

import argparse
import json
import os

import torch

SENTENCES = [
    "Le maire de Quimper, Claire Le Goff, a présenté jeudi le budget de la ville.",
    "L’usine Orbis de Saint-Nazaire emploie 1 200 personnes depuis 2019.",
    "« C’est une décision historique », a déclaré le ministre à Bruxelles.",
    "Les supporters du FC Nantes ont rejoint la place Royale après le match.",
    "Aujourd'hui, l'association Terre & Mer publie son rapport annuel.",
    "Le conseil régional d'Occitanie a voté une aide de 3,5 millions d'euros.",
    "Selon l'Insee, le chômage a reculé de 0,2 point au troisième trimestre.",
    "La chanteuse Inès Martin sera en concert à l'Olympia le 14 février.",
]
LABELS = ['O', 'I-LOC', 'I-PER', 'I-MISC', 'I-ORG']
SPECIALS = ['<s>', '<pad>', '</s>', '<unk>', '<mask>']


def tokenizer(vocab_size: int = 400):
    from tokenizers import Regex, normalizers, processors
    from tokenizers.implementations import SentencePieceUnigramTokenizer
    tok = SentencePieceUnigramTokenizer()
    tok.train_from_iterator(SENTENCES * 30, vocab_size=vocab_size, show_progress=False, special_tokens=SPECIALS,
                            unk_token='<unk>')
    assert [tok.token_to_id(t) for t in SPECIALS] == list(range(len(SPECIALS)))
    tok.normalizer = normalizers.Sequence([normalizers.NFKC(), normalizers.Replace(Regex(' {2,}'), ' ')])
    tok.post_processor = processors.TemplateProcessing(single='<s> $A </s>', pair='<s> $A </s> </s> $B </s>',
                                                       special_tokens=[('<s>', 0), ('</s>', 2)])
    return tok


class _Logits(torch.nn.Module):
    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, input_ids, attention_mask):
        return self.model(input_ids=input_ids, attention_mask=attention_mask).logits


def build(out: str, seed: int = 0) -> None:
    from transformers import CamembertConfig, CamembertForTokenClassification
    from .export import quantize
    torch.manual_seed(seed)
    tok = tokenizer()
    cfg = CamembertConfig(vocab_size=tok.get_vocab_size(), hidden_size=32, num_hidden_layers=1, num_attention_heads=2,
                          intermediate_size=64, max_position_embeddings=130, type_vocab_size=1, pad_token_id=1,
                          bos_token_id=0, eos_token_id=2, num_labels=len(LABELS), id2label=dict(enumerate(LABELS)),
                          label2id={l: i for i, l in enumerate(LABELS)},
                          architectures=['CamembertForTokenClassification'])
    cfg._attn_implementation = 'eager'
    model = CamembertForTokenClassification(cfg).eval()
    with torch.no_grad():
        model.classifier.weight.normal_(0, 2.0)  # varied labels from random weights
    os.makedirs(os.path.join(out, 'onnx'), exist_ok=True)
    fp32, q8 = os.path.join(out, 'onnx', 'model.onnx'), os.path.join(out, 'onnx', 'model_quantized.onnx')
    ids = torch.tensor([[0, 5, 6, 7, 2], [0, 8, 2, 1, 1]])
    with torch.no_grad():
        torch.onnx.export(_Logits(model), (ids, (ids != 1).long()), fp32, opset_version=14, dynamo=False,
                          input_names=['input_ids', 'attention_mask'], output_names=['logits'],
                          dynamic_axes={n: {0: 'batch_size', 1: 'sequence_length'}
                                        for n in ('input_ids', 'attention_mask', 'logits')})
    quantize(fp32, q8)
    cfg.save_pretrained(out)
    tok.save(os.path.join(out, 'tokenizer.json'))
    with open(os.path.join(out, 'tokenizer_config.json'), 'w', encoding='utf-8') as f:
        json.dump({'tokenizer_class': 'CamembertTokenizer', 'model_max_length': 128, 'bos_token': '<s>',
                   'eos_token': '</s>', 'cls_token': '<s>', 'sep_token': '</s>', 'pad_token': '<pad>',
                   'unk_token': '<unk>', 'mask_token': '<mask>', 'model_input_names': ['input_ids', 'attention_mask']},
                  f, indent=2)
    cases = SENTENCES + ['Une phrase que le tokenizer n’a jamais vue : Zygmunt Wójcik, Ærø, 東京 😀.',
                         'Espaces\u00a0insécables\u202fet  doubles  espaces.']
    with open(os.path.join(out, 'cases.jsonl'), 'w', encoding='utf-8') as f:
        for t in cases:
            f.write(json.dumps({'text': t, 'ids': tok.encode(t).ids}, ensure_ascii=False) + '\n')


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog='python -m training.byo', description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--out', required=True)
    ap.add_argument('--seed', type=int, default=0)
    a = ap.parse_args(argv)
    build(a.out, a.seed)
    print('wrote', a.out)


if __name__ == '__main__':
    main()
