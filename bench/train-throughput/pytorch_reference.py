"""PyTorch reference for bench/train-throughput: the same three models, data shapes, batch size (64), optimizer
(Adam, lr 1e-3) and thread count as the TF.js runs, on synthetic random data. Prints one JSON line per model.

Usage: python3 bench/train-throughput/pytorch_reference.py [--threads 2] [--batches N] [model ...]
Needs torch (Debian bookworm: apt-get install -y python3-torch, PyTorch 1.13); not a project dependency.
"""
import argparse
import json
import resource
import time

import torch
from torch import nn

BATCH = 64


def reference_cnn(channels: int, side: int) -> nn.Module:
    # Conv 32·3×3 relu → MaxPool 2 → Conv 64·3×3 relu → MaxPool 2 → Flatten → Dense 128 relu → Dropout 0.3 → Dense 10
    # ('same' padding, as the Hyperscope builder).
    flat = 64 * (side // 4) * (side // 4)
    return nn.Sequential(
        nn.Conv2d(channels, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(flat, 128), nn.ReLU(), nn.Dropout(0.3), nn.Linear(128, 10),
    )


class ReferenceLstm(nn.Module):
    """Embedding 10 000×64 → LSTM 64 (last h) → Dense 2 (softmax in the loss)."""

    def __init__(self) -> None:
        super().__init__()
        self.embedding = nn.Embedding(10_000, 64)
        self.lstm = nn.LSTM(64, 64, batch_first=True)
        self.head = nn.Linear(64, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        _, (h, _) = self.lstm(self.embedding(x))
        return self.head(h[-1])


def model_and_batch(name: str):
    if name == 'mnist-cnn':
        return reference_cnn(1, 28), torch.rand(BATCH, 1, 28, 28), torch.randint(0, 10, (BATCH,))
    if name == 'cifar-cnn':
        return reference_cnn(3, 32), torch.rand(BATCH, 3, 32, 32), torch.randint(0, 10, (BATCH,))
    if name == 'imdb-lstm':
        return ReferenceLstm(), torch.randint(2, 10_000, (BATCH, 200)), torch.randint(0, 2, (BATCH,))
    raise SystemExit(f'unknown model {name}')


def measure(name: str, batches: int) -> dict:
    torch.manual_seed(1)
    model, x, y = model_and_batch(name)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()
    model.train()

    def step() -> None:
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        loss.item()

    for _ in range(2):
        step()
    started = time.perf_counter()
    cpu_started = time.process_time()
    for _ in range(batches):
        step()
    wall = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    return {
        'model': name,
        'backend': 'pytorch',
        'threads': torch.get_num_threads(),
        'samplesPerSecond': batches * BATCH / wall,
        'samplesPerCpuSecond': batches * BATCH / cpu,
        'peakRssMb': round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument('--threads', type=int, default=2)
    parser.add_argument('--batches', type=int, default=20)
    parser.add_argument('models', nargs='*', default=['mnist-cnn', 'cifar-cnn', 'imdb-lstm'])
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    for name in args.models:
        print(json.dumps({**measure(name, args.batches), 'torchVersion': torch.__version__}), flush=True)


if __name__ == '__main__':
    main()
