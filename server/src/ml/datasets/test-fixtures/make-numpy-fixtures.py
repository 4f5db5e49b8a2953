# Writes the small numpy fixtures the .npy/.npz readers and Keras text loaders are tested on (run once, with numpy 2.x:
# `python3 make-numpy-fixtures.py`; the outputs are committed so tests need no Python).
import json
import pickle

import numpy as np

LISTS = [[1, 2, 300], [], [70000, 2147483647, -1], [2**40], [np.int64(5), 255, 256, 65535, 65536]]


def object_array(items):
    array = np.empty(len(items), dtype=object)
    for i, item in enumerate(items):
        array[i] = item
    return array


def write_pickled_npy(path, array, protocol, numpy1=False):
    """np.save always pickles with protocol 4 now; older numpys and Python 2 wrote protocols 2 and 3."""
    payload = pickle.dumps(array, protocol=protocol)
    if numpy1:
        # numpy 1.x named its modules numpy.core; GLOBAL spells names as text lines, so they can be swapped in place.
        payload = payload.replace(b"numpy._core.multiarray", b"numpy.core.multiarray")
    with open(path, "wb") as f:
        np.lib.format.write_array_header_1_0(f, np.lib.format.header_data_from_array_1_0(array))
        f.write(payload)


objects = object_array(LISTS)
write_pickled_npy("object-lists-protocol2.npy", objects, 2)
write_pickled_npy("object-lists-protocol3.npy", objects, 3)
write_pickled_npy("object-lists-numpy1-protocol2.npy", objects, 2, numpy1=True)
np.save("object-lists-protocol4.npy", objects, allow_pickle=True)
for name in ["object-lists-protocol2.npy", "object-lists-protocol3.npy", "object-lists-numpy1-protocol2.npy", "object-lists-protocol4.npy"]:
    assert [list(map(int, x)) for x in np.load(name, allow_pickle=True)] == [list(map(int, x)) for x in LISTS], name

arrays = dict(
    objects=objects,
    int64=np.array([3, -2, 7], dtype="<i8"),
    int32=np.arange(6, dtype="<i4").reshape(2, 3) - 2,
    uint8=np.array([[0, 255], [128, 7]], dtype=np.uint8),
    float32=np.array([0.5, -1.25], dtype="<f4"),
)
np.savez("arrays.npz", **arrays)
np.savez_compressed("arrays-compressed.npz", **arrays)

# Keras' layout: word-index ranks (1 = most frequent), an object array of lists per split, int64 labels.
imdb_words = ["the", "movie", "was", "great", "bad", "not", "a", "plot"]
with open("keras/imdb_word_index.json", "w") as f:
    json.dump({word: rank for rank, word in enumerate(imdb_words, 1)}, f)
imdb_train = [[1, 2, 3, 4], [1, 2, 3, 5], [1, 8, 3, 6, 4], [7, 2], [1, 9, 3, 5], [2, 3, 6, 5]]
imdb_test = [[1, 2, 3, 4, 4], [1, 8, 3, 5], [2], [1, 2, 3, 6, 5, 5]]
np.savez(
    "keras/imdb.npz",
    x_train=object_array(imdb_train),
    y_train=np.array([1, 0, 1, 1, 0, 0]),
    x_test=object_array(imdb_test),
    y_test=np.array([1, 0, 1, 0]),
)

reuters_words = ["the", "said", "oil", "gold", "wheat", "prices", "rose", "fell"]
with open("keras/reuters_word_index.json", "w") as f:
    json.dump({word: rank for rank, word in enumerate(reuters_words, 1)}, f)
reuters_x = [[3, 6, 7], [4, 6, 8], [5, 2], [3, 2, 8], [4, 7], [5, 6, 7], [1, 3], [1, 4], [1, 5], [2, 3, 3]]
reuters_y = [16, 25, 5, 16, 25, 5, 16, 25, 5, 16]
np.savez("keras/reuters.npz", x=object_array(reuters_x), y=np.array(reuters_y))


def keras_order(count, rng):
    indices = np.arange(count)
    rng.shuffle(indices)
    return [int(i) for i in indices]


rng = np.random.RandomState(113)
print("imdb train order", keras_order(len(imdb_train), rng), "test order", keras_order(len(imdb_test), rng))
print("reuters order", keras_order(len(reuters_x), np.random.RandomState(113)), "train count", int(len(reuters_x) * (1 - 0.2)))
