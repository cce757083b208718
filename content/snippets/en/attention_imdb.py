import keras
from keras import layers

keras.utils.set_random_seed(42)

vocab_size = 10_000
maxlen = 200

(x_train, y_train), (x_test, y_test) = keras.datasets.imdb.load_data(num_words=vocab_size)
x_train = keras.utils.pad_sequences(x_train, maxlen=maxlen)
x_test = keras.utils.pad_sequences(x_test, maxlen=maxlen)

# Functional API: each layer receives its inputs explicitly, so Attention can get query and value
inputs = keras.Input(shape=(maxlen,), dtype="int32")      # (None, 200)
x = layers.Embedding(vocab_size, 64)(inputs)               # (None, 200, 64)
h = layers.LSTM(64, return_sequences=True)(x)              # (None, 200, 64): the state at every step
attention = layers.Attention(use_scale=True)
context = attention([h, h])                                # query = value = key = h → (None, 200, 64)
pooled = layers.GlobalAveragePooling1D()(context)          # average over the 200 positions → (None, 64)
outputs = layers.Dense(1, activation="sigmoid")(pooled)    # (None, 1)
model = keras.Model(inputs, outputs)
model.summary()  # Total params: 673,090

model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(x_train, y_train, epochs=3, batch_size=64, validation_split=0.2)
test_loss, test_acc = model.evaluate(x_test, y_test, verbose=0)
print(f"test accuracy: {test_acc:.4f}")
