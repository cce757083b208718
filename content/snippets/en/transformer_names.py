import json

import keras
import numpy as np
from keras import layers, ops

keras.utils.set_random_seed(42)

# This site's names file (/generated/names.json): lower-case English first names, split 90/10.
corpus = json.load(open("names.json", encoding="utf-8"))
vocab = ["<s>", "<unk>"] + sorted(set("".join(corpus["train"])))
index = {c: i for i, c in enumerate(vocab)}
T = max(len(n) for n in corpus["train"] + corpus["test"]) + 1  # the context: <s> and the longest name


def encode(names):
    """Inputs <s> c1 … cn, targets c1 … cn <s>, weight 0 for the padding after the end."""
    x, y, w = [], [], []
    for name in names:
        ids = [index.get(c, 1) for c in name]
        pad = [0] * (T - len(ids) - 1)
        x.append([0] + ids + pad)
        y.append(ids + [0] + pad)
        w.append([1.0] * (len(ids) + 1) + [0.0] * len(pad))
    return np.array(x), np.array(y), np.array(w)


x_train, y_train, w_train = encode(corpus["train"])
x_test, y_test, w_test = encode(corpus["test"])

D, HEADS, LAYERS, FF = 32, 4, 2, 128


class TokenAndPosition(layers.Layer):
    """A learned vector per character plus a learned vector per position."""

    def __init__(self, vocab_size, length, dim, **kwargs):
        super().__init__(**kwargs)
        self.token = layers.Embedding(vocab_size, dim)
        self.position = layers.Embedding(length, dim)

    def call(self, ids):
        return self.token(ids) + self.position(ops.arange(ops.shape(ids)[-1]))


inputs = keras.Input(shape=(T,), dtype="int32")
h = TokenAndPosition(len(vocab), T, D)(inputs)
for _ in range(LAYERS):
    a = layers.LayerNormalization(epsilon=1e-5)(h)
    # use_causal_mask=True: position t attends to positions 0 … t only.
    h = h + layers.MultiHeadAttention(num_heads=HEADS, key_dim=D // HEADS)(a, a, use_causal_mask=True)
    m = layers.LayerNormalization(epsilon=1e-5)(h)
    h = h + layers.Dense(D)(layers.Dense(FF, activation="relu")(m))
logits = layers.Dense(len(vocab))(layers.LayerNormalization(epsilon=1e-5)(h))
model = keras.Model(inputs, logits)
model.summary()

model.compile(optimizer=keras.optimizers.Adam(3e-3), loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
model.fit(x_train, y_train, sample_weight=w_train, batch_size=32, epochs=16)

# Held-out bits per character, over the characters and ends only (not the padding).
nats = keras.losses.sparse_categorical_crossentropy(y_test, model.predict(x_test, verbose=0), from_logits=True)
nats = ops.convert_to_numpy(nats)
print("held-out bits per character:", np.sum(nats * w_test) / np.sum(w_test) / np.log(2))


def sample(prefix="", temperature=1.0):
    """Continues `prefix` one character at a time until the model draws <s> (the end) or the context is full."""
    ids = [0] + [index.get(c, 1) for c in prefix]
    while len(ids) < T:
        # The causal mask makes the padding after position len(ids) - 1 irrelevant to its logits.
        step = model.predict(np.array([ids + [0] * (T - len(ids))]), verbose=0)[0, len(ids) - 1] / temperature
        p = np.exp(step - step.max())
        p[1] = 0  # never <unk>
        next_id = np.random.choice(len(vocab), p=p / p.sum())
        if next_id == 0:
            break
        ids.append(next_id)
    return "".join(vocab[i] for i in ids[1:])


print([sample() for _ in range(8)])
