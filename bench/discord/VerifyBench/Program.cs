using System.Diagnostics;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;

// Same calls as SignatureVerifier: Ed25519Signer.Init(false, key), BlockUpdate(timestamp + body), VerifySignature.
var generator = new Ed25519KeyPairGenerator();
generator.Init(new Ed25519KeyGenerationParameters(new SecureRandom()));
var pair = generator.GenerateKeyPair();
var message = new byte[1100]; // a signed guild command: 10-digit timestamp + ~1 KB body
Random.Shared.NextBytes(message);
var signer = new Ed25519Signer();
signer.Init(true, pair.Private);
signer.BlockUpdate(message, 0, message.Length);
var signature = signer.GenerateSignature();
var publicKey = (Ed25519PublicKeyParameters)pair.Public;

bool Verify()
{
    var verifier = new Ed25519Signer();
    verifier.Init(false, publicKey);
    verifier.BlockUpdate(message, 0, message.Length);
    return verifier.VerifySignature(signature);
}

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
