"""chronique's NER training package: run its steps as modules from the repository root, e.g.

    training/.venv/bin/python -m training.tokenizer train
    training/.venv/bin/python -m training.finetune --run main --minutes 90

Every step is a function (`main(argv)` parses a command line and calls it), so `training.release` composes them
in-process. The text normalisation and the label set come from the model contract `src/ner/model-contract.json`,
which the TypeScript runtime reads too (`training.contract`).
"""
