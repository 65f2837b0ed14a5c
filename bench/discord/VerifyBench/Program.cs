using System.Diagnostics;
using NSec.Cryptography;

// Same call as SignatureVerifier: libsodium's Ed25519 verify against a public key decoded once.
var algorithm = SignatureAlgorithm.Ed25519;
using var key = Key.Create(algorithm);
var publicKey = PublicKey.Import(algorithm, key.PublicKey.Export(KeyBlobFormat.RawPublicKey), KeyBlobFormat.RawPublicKey);
var message = new byte[1100]; // a signed guild command: 10-digit timestamp + ~1 KB body
Random.Shared.NextBytes(message);
var signature = algorithm.Sign(key, message);

bool Verify() => algorithm.Verify(publicKey, message, signature);

for (var i = 0; i < 3000; i++)
{
    Verify(); // warm up past tiered JIT
}

const int runs = 10_000;
// CPU time of this process, not wall time, so other load on the machine does not inflate the figure.
var process = Process.GetCurrentProcess();
var cpuBefore = process.TotalProcessorTime;
for (var i = 0; i < runs; i++)
{
    if (!Verify())
    {
        throw new InvalidOperationException("verification failed");
    }
}

process.Refresh();
var micros = (process.TotalProcessorTime - cpuBefore).TotalMicroseconds / runs;
Console.WriteLine($"ed25519_verify_us={micros:F1} ed25519_verifies_per_core_per_s={1_000_000 / micros:F0}");
