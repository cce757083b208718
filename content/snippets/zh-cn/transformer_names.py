import json

import keras
import numpy as np
from keras import layers, ops

keras.utils.set_random_seed(42)

# 本站的英文名文件（/generated/names.json）：小写英文名，按 90/10 划分。
corpus = json.load(open("names.json", encoding="utf-8"))
vocab = ["<s>", "<unk>"] + sorted(set("".join(corpus["train"])))
index = {c: i for i, c in enumerate(vocab)}
T = max(len(n) for n in corpus["train"] + corpus["test"]) + 1  # 上下文长度：<s> 加上最长的名字


def encode(names):
    """输入 <s> c1 … cn，目标 c1 … cn <s>，结尾之后的填充权重为 0。"""
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
    """每个字符一个可学习向量，加上每个位置一个可学习向量。"""

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
    # use_causal_mask=True：位置 t 只关注位置 0 … t。
    h = h + layers.MultiHeadAttention(num_heads=HEADS, key_dim=D // HEADS)(a, a, use_causal_mask=True)
    m = layers.LayerNormalization(epsilon=1e-5)(h)
    h = h + layers.Dense(D)(layers.Dense(FF, activation="relu")(m))
logits = layers.Dense(len(vocab))(layers.LayerNormalization(epsilon=1e-5)(h))
model = keras.Model(inputs, logits)
model.summary()

model.compile(optimizer=keras.optimizers.Adam(3e-3), loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
model.fit(x_train, y_train, sample_weight=w_train, batch_size=32, epochs=16)

# 留出集每字符比特数，只计字符和结尾（不计填充）。
nats = keras.losses.sparse_categorical_crossentropy(y_test, model.predict(x_test, verbose=0), from_logits=True)
nats = ops.convert_to_numpy(nats)
print("留出集每字符比特数：", np.sum(nats * w_test) / np.sum(w_test) / np.log(2))


def sample(prefix="", temperature=1.0):
    """逐字续写 `prefix`，直到模型抽到 <s>（结尾）或上下文写满。"""
    ids = [0] + [index.get(c, 1) for c in prefix]
    while len(ids) < T:
        # 有因果掩码，位置 len(ids) - 1 之后的填充不影响它的 logits。
        step = model.predict(np.array([ids + [0] * (T - len(ids))]), verbose=0)[0, len(ids) - 1] / temperature
        p = np.exp(step - step.max())
        p[1] = 0  # 不抽 <unk>
        next_id = np.random.choice(len(vocab), p=p / p.sum())
        if next_id == 0:
            break
        ids.append(next_id)
    return "".join(vocab[i] for i in ids[1:])


print([sample() for _ in range(8)])
