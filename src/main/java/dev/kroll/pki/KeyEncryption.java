package dev.kroll.pki;

import java.io.IOException;
import java.io.StringWriter;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.util.Map;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.PBEParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.EncryptionScheme;
import org.bouncycastle.asn1.pkcs.KeyDerivationFunc;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCS12PBEParams;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * Password-protected PKCS#8 private keys ({@code -----BEGIN ENCRYPTED PRIVATE KEY-----}), readable by
 * OpenSSL ({@code openssl pkcs8}) and Bouncy Castle.
 *
 * <p>{@link #encryptStrong} is for the CA key, which a person's passphrase protects: PBES2 (RFC 8018) with
 * PBKDF2-HMAC-SHA256 at {@value #CA_ITERATIONS} iterations (OWASP's 2023 figure), a 16-byte random salt,
 * and AES-256-CBC. Bouncy Castle writes the ASN.1; the JDK runs PBKDF2 and AES, because its intrinsics
 * make 600,000 iterations take a fraction of a second instead of seconds.
 *
 * <p>{@link #encryptForKafka} is for host keys in PEM keystores. Kafka's PEM loader asks the JDK for a
 * cipher named by {@code EncryptedPrivateKeyInfo.getAlgName()}, which on Java 17 answers "PBES2" for AES
 * keys and then fails (JDK-8286428, fixed in Java 19). So these keys use PKCS#12's SHA-1/3DES scheme,
 * which every Java reads. The password is 32 random characters (about 190 bits), so the older KDF is not
 * the weak point; the file itself is 0600 beside {@code ssl.secrets}.
 */
public final class KeyEncryption {

    public static final int CA_ITERATIONS = 600_000;
    static final int KAFKA_PEM_ITERATIONS = 10_000;
    private static final String KAFKA_PBE = "PBEWithSHA1AndDESede";

    private static final Map<ASN1ObjectIdentifier, String> PRFS = Map.of(
            PKCSObjectIdentifiers.id_hmacWithSHA1, "HmacSHA1", PKCSObjectIdentifiers.id_hmacWithSHA224, "HmacSHA224",
            PKCSObjectIdentifiers.id_hmacWithSHA256, "HmacSHA256", PKCSObjectIdentifiers.id_hmacWithSHA384, "HmacSHA384",
            PKCSObjectIdentifiers.id_hmacWithSHA512, "HmacSHA512");
    private static final Map<ASN1ObjectIdentifier, Integer> AES_KEY_BYTES = Map.of(
            NISTObjectIdentifiers.id_aes128_CBC, 16, NISTObjectIdentifiers.id_aes192_CBC, 24, NISTObjectIdentifiers.id_aes256_CBC, 32);

    private KeyEncryption() {
    }

    public static String encryptStrong(PrivateKey key, char[] password, int iterations, SecureRandom random) {
        byte[] salt = new byte[16];
        byte[] iv = new byte[16];
        random.nextBytes(salt);
        random.nextBytes(iv);
        try {
            byte[] aesKey = pbkdf2("HmacSHA256", password, salt, iterations, 32);
            Cipher c = Cipher.getInstance("AES/CBC/PKCS5Padding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(aesKey, "AES"), new IvParameterSpec(iv));
            byte[] encrypted = c.doFinal(key.getEncoded());
            PBKDF2Params kdf = new PBKDF2Params(salt, iterations,
                    new AlgorithmIdentifier(PKCSObjectIdentifiers.id_hmacWithSHA256, DERNull.INSTANCE));
            PBES2Parameters params = new PBES2Parameters(new KeyDerivationFunc(PKCSObjectIdentifiers.id_PBKDF2, kdf),
                    new EncryptionScheme(NISTObjectIdentifiers.id_aes256_CBC, new DEROctetString(iv)));
            EncryptedPrivateKeyInfo info = new EncryptedPrivateKeyInfo(new AlgorithmIdentifier(PKCSObjectIdentifiers.id_PBES2, params), encrypted);
            return pem(new PemObject("ENCRYPTED PRIVATE KEY", info.getEncoded()));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot encrypt a private key", e);
        }
    }

    public static String encryptForKafka(PrivateKey key, char[] password, SecureRandom random) {
        byte[] salt = new byte[20];
        random.nextBytes(salt);
        try {
            SecretKey pbeKey = SecretKeyFactory.getInstance(KAFKA_PBE).generateSecret(new PBEKeySpec(password));
            Cipher c = Cipher.getInstance(KAFKA_PBE);
            c.init(Cipher.ENCRYPT_MODE, pbeKey, new PBEParameterSpec(salt, KAFKA_PEM_ITERATIONS), random);
            byte[] encrypted = c.doFinal(key.getEncoded());
            javax.crypto.EncryptedPrivateKeyInfo info = new javax.crypto.EncryptedPrivateKeyInfo(c.getParameters(), encrypted);
            return pem(new PemObject("ENCRYPTED PRIVATE KEY", info.getEncoded()));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot encrypt a private key", e);
        }
    }

    /** Decrypts; a wrong password is reported as such, never as a parsing error. */
    public static PrivateKey decrypt(PKCS8EncryptedPrivateKeyInfo info, char[] password, String what) throws WrongPasswordException {
        byte[] plain;
        try {
            plain = decryptWithJdk(info, password);
            if (plain == null) {
                plain = info.decryptPrivateKeyInfo(new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(new BouncyCastleProvider())
                        .build(password)).getEncoded();
            }
            return PrivateKeys.of(PrivateKeyInfo.getInstance(plain));
        } catch (GeneralSecurityException | PKCSException | OperatorCreationException | IOException | IllegalArgumentException e) {
            // A wrong password shows up as bad padding, or (1 time in 256) as garbage that does not parse.
            throw new WrongPasswordException("wrong password for " + what);
        }
    }

    /** PBES2 with PBKDF2 and AES-CBC (what kroll and OpenSSL write), and the PKCS#12 3DES scheme, with the JDK; else null. */
    private static byte[] decryptWithJdk(PKCS8EncryptedPrivateKeyInfo info, char[] password) throws GeneralSecurityException, IOException {
        AlgorithmIdentifier alg = info.getEncryptionAlgorithm();
        if (alg.getAlgorithm().equals(PKCSObjectIdentifiers.pbeWithSHAAnd3_KeyTripleDES_CBC)) {
            javax.crypto.EncryptedPrivateKeyInfo jdk = new javax.crypto.EncryptedPrivateKeyInfo(info.getEncoded());
            Cipher c = Cipher.getInstance(KAFKA_PBE);
            c.init(Cipher.DECRYPT_MODE, SecretKeyFactory.getInstance(KAFKA_PBE).generateSecret(new PBEKeySpec(password)), jdk.getAlgParameters());
            return c.doFinal(jdk.getEncryptedData());
        }
        if (!alg.getAlgorithm().equals(PKCSObjectIdentifiers.id_PBES2)) {
            return null;
        }
        PBES2Parameters p = PBES2Parameters.getInstance(alg.getParameters());
        if (!p.getKeyDerivationFunc().getAlgorithm().equals(PKCSObjectIdentifiers.id_PBKDF2)) {
            return null;
        }
        PBKDF2Params kdf = PBKDF2Params.getInstance(p.getKeyDerivationFunc().getParameters());
        String prf = PRFS.get(kdf.getPrf().getAlgorithm());
        Integer keyBytes = AES_KEY_BYTES.get(p.getEncryptionScheme().getAlgorithm());
        if (prf == null || keyBytes == null) {
            return null;
        }
        byte[] iv = ASN1OctetString.getInstance(p.getEncryptionScheme().getParameters()).getOctets();
        byte[] key = pbkdf2(prf, password, kdf.getSalt(), kdf.getIterationCount().intValueExact(), keyBytes);
        Cipher c = Cipher.getInstance("AES/CBC/PKCS5Padding");
        c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
        try {
            return c.doFinal(info.getEncryptedData());
        } catch (BadPaddingException e) {
            throw new GeneralSecurityException("bad padding");
        }
    }

    private static byte[] pbkdf2(String prf, char[] password, byte[] salt, int iterations, int bytes) throws GeneralSecurityException {
        return SecretKeyFactory.getInstance("PBKDF2With" + prf).generateSecret(new PBEKeySpec(password, salt, iterations, bytes * 8)).getEncoded();
    }

    /** How a key is protected, for people: {@code PBES2: PBKDF2-HMAC-SHA256, 600000 iterations, AES-256-CBC}. */
    public static String describe(PKCS8EncryptedPrivateKeyInfo info) {
        AlgorithmIdentifier alg = info.getEncryptionAlgorithm();
        ASN1ObjectIdentifier oid = alg.getAlgorithm();
        if (oid.equals(PKCSObjectIdentifiers.id_PBES2)) {
            PBES2Parameters p = PBES2Parameters.getInstance(alg.getParameters());
            KeyDerivationFunc kdf = p.getKeyDerivationFunc();
            ASN1ObjectIdentifier cipherOid = p.getEncryptionScheme().getAlgorithm();
            String cipher = AES_KEY_BYTES.containsKey(cipherOid) ? "AES-" + AES_KEY_BYTES.get(cipherOid) * 8 + "-CBC" : cipherOid.getId();
            if (kdf.getAlgorithm().equals(PKCSObjectIdentifiers.id_PBKDF2)) {
                PBKDF2Params k = PBKDF2Params.getInstance(kdf.getParameters());
                String prf = PRFS.getOrDefault(k.getPrf().getAlgorithm(), k.getPrf().getAlgorithm().getId()).replace("Hmac", "HMAC-");
                return "PBES2: PBKDF2-" + prf + ", " + k.getIterationCount() + " iterations, " + cipher;
            }
            return "PBES2: " + kdf.getAlgorithm().getId() + ", " + cipher;
        }
        if (oid.equals(PKCSObjectIdentifiers.pbeWithSHAAnd3_KeyTripleDES_CBC)) {
            return "PKCS#12 PBE: SHA-1, " + PKCS12PBEParams.getInstance(alg.getParameters()).getIterations() + " iterations, 3DES";
        }
        return oid.getId();
    }

    static String pem(PemObject object) throws IOException {
        StringWriter sw = new StringWriter();
        try (PemWriter w = new PemWriter(sw)) {
            w.writeObject(object);
        }
        return sw.toString();
    }

}
