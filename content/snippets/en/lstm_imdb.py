import keras
from keras import layers

keras.utils.set_random_seed(42)

vocab_size = 10_000  # keep the 10,000 most frequent words; the rest become out-of-vocabulary
maxlen = 200         # truncate or pad every review to 200 words

(x_train, y_train), (x_test, y_test) = keras.datasets.imdb.load_data(num_words=vocab_size)
x_train = keras.utils.pad_sequences(x_train, maxlen=maxlen)  # (25000, 200)
x_test = keras.utils.pad_sequences(x_test, maxlen=maxlen)    # (25000, 200)

model = keras.Sequential([
    keras.Input(shape=(maxlen,), dtype="int32"),
    layers.Embedding(input_dim=vocab_size, output_dim=64),  # (None, 200, 64)
    layers.LSTM(64, return_sequences=True),                 # (None, 200, 64)
    layers.LSTM(64),                                        # (None, 64)
    layers.Dense(1, activation="sigmoid"),                  # (None, 1): probability of "positive"
])
model.summary()  # Total params: 706,113

model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(x_train, y_train, epochs=3, batch_size=64, validation_split=0.2)
test_loss, test_acc = model.evaluate(x_test, y_test, verbose=0)
print(f"test accuracy: {test_acc:.4f}")
