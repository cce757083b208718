import keras
from keras import layers

keras.utils.set_random_seed(42)  # 固定 Python、NumPy 和后端的随机种子

# 1. 数据：60000 张训练图、10000 张测试图，28×28 灰度，像素值 0–255
(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
x_train = x_train.reshape(-1, 28, 28, 1).astype("float32") / 255.0  # (60000, 28, 28, 1)
x_test = x_test.reshape(-1, 28, 28, 1).astype("float32") / 255.0    # (10000, 28, 28, 1)

# 2. 模型：与种子相同的层堆叠
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
model.summary()  # 最后一行应为 Total params: 93,322

# 3. 编译、训练，最后在从未参与训练的测试集上评估
model.compile(
    optimizer="adam",
    loss="sparse_categorical_crossentropy",
    metrics=["accuracy"],
)
model.fit(x_train, y_train, epochs=5, batch_size=64, validation_split=0.1)
test_loss, test_acc = model.evaluate(x_test, y_test, verbose=0)
print(f"test accuracy: {test_acc:.4f}")
