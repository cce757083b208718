import keras
from keras import layers

keras.utils.set_random_seed(42)  # fix the Python, NumPy and backend random seeds

# 1. Data: 60000 training and 10000 test images, 28×28 greyscale, pixel values 0–255
(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
x_train = x_train.reshape(-1, 28, 28, 1).astype("float32") / 255.0  # (60000, 28, 28, 1)
x_test = x_test.reshape(-1, 28, 28, 1).astype("float32") / 255.0    # (10000, 28, 28, 1)

# 2. Model: the same stack of layers as the seed
model = keras.Sequential([
    keras.Input(shape=(28, 28, 1)),
    layers.Conv2D(32, (3, 3), activation="relu"),
    layers.MaxPooling2D((2, 2)),
    layers.Conv2D(64, (3, 3), activation="relu"),
    layers.MaxPooling2D((2, 2)),
    layers.Conv2D(64, (3, 3), activation="relu"),
    layers.Flatten(),
    layers.Dense(64, activation="relu"),
    layers.Dense(10, activation="softmax"),
])
model.summary()  # the last lines should read Total params: 93,322

# 3. Compile, train, and finally evaluate on the test set, which training never sees
model.compile(
    optimizer="adam",
    loss="sparse_categorical_crossentropy",
    metrics=["accuracy"],
)
model.fit(x_train, y_train, epochs=5, batch_size=64, validation_split=0.1)
test_loss, test_acc = model.evaluate(x_test, y_test, verbose=0)
print(f"test accuracy: {test_acc:.4f}")
