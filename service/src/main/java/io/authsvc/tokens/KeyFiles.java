package io.authsvc.tokens;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.lang.JoseException;

/** Reads RSA keys from PEM text (PKCS#8 private keys, X.509 public keys) and from JWK Set documents. */
final class KeyFiles {

    static final int MIN_RSA_BITS = 2048;
    private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z ]+)-----([^-]+)-----END \\1-----");

    private KeyFiles() {
    }

    static RSAPrivateCrtKey privateKey(String pem) {
        Matcher block = PEM.matcher(pem);
        if (!block.find()) {
            throw new IllegalStateException("JWT_PRIVATE_KEY holds no PEM block");
        }
        if (!"PRIVATE KEY".equals(block.group(1))) {
            throw new IllegalStateException("JWT_PRIVATE_KEY must be a PKCS#8 PEM (a \"PRIVATE KEY\" block), not '"
                    + block.group(1) + "' (convert with: openssl pkcs8 -topk8 -nocrypt -in old.pem -out key.pem)");
        }
        try {
            var key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(decode(block.group(2))));
            if (!(key instanceof RSAPrivateCrtKey rsa)) {
                throw new IllegalStateException("JWT_PRIVATE_KEY is not an RSA key with its public part");
            }
            if (rsa.getModulus().bitLength() < MIN_RSA_BITS) {
                throw new IllegalStateException("JWT_PRIVATE_KEY has " + rsa.getModulus().bitLength()
                        + " bits; RS256 needs at least " + MIN_RSA_BITS);
            }
            return rsa;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("JWT_PRIVATE_KEY is not a readable RSA private key", e);
        }
    }

    static RSAPublicKey publicKey(RSAPrivateCrtKey privateKey) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(
                    new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every public key of a file holding PEM blocks or a JWK Set. */
    static List<RSAPublicKey> publicKeys(String text) {
        List<RSAPublicKey> keys = new ArrayList<>();
        if (text.strip().startsWith("{")) {
            try {
                for (JsonWebKey key : new JsonWebKeySet(text).getJsonWebKeys()) {
                    if (key instanceof RsaJsonWebKey rsa) {
                        keys.add(rsa.getRsaPublicKey());
                    }
                }
            } catch (JoseException e) {
                throw new IllegalStateException("JWT_PREVIOUS_PUBLIC_KEYS_LOCATION is not a readable JWK Set", e);
            }
            return keys;
        }
        Matcher block = PEM.matcher(text);
        while (block.find()) {
            if ("PUBLIC KEY".equals(block.group(1))) {
                try {
                    PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(decode(block.group(2))));
                    keys.add((RSAPublicKey) key);
                } catch (GeneralSecurityException | IllegalArgumentException e) {
                    throw new IllegalStateException("JWT_PREVIOUS_PUBLIC_KEYS_LOCATION holds an unreadable public key", e);
                }
            }
        }
        return keys;
    }

    /** The JWK of a public key, named by its RFC 7638 thumbprint. */
    static RsaJsonWebKey jwk(RSAPublicKey key) {
        RsaJsonWebKey jwk = new RsaJsonWebKey(key);
        jwk.setKeyId(jwk.calculateBase64urlEncodedThumbprint("SHA-256"));
        jwk.setAlgorithm("RS256");
        jwk.setUse("sig");
        return jwk;
    }

    private static byte[] decode(String base64) {
        return Base64.getMimeDecoder().decode(base64.strip());
    }
}
