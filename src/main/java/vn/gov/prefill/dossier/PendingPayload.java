package vn.gov.prefill.dossier;

import vn.gov.prefill.profile.ProfileCipher;

/**
 * A dossier's body while it waits for delivery (the filer's number and name and the form's data): sealed with the
 * gateway's AES-GCM key ({@link ProfileCipher}, the dossier's id as associated data), stored as
 * {@code <key id>:<base64>}, opened only to be sent, and cleared once delivered.
 */
final class PendingPayload {

    private PendingPayload() { }

    static String seal(ProfileCipher cipher, String dossierId, String body) {
        ProfileCipher.Sealed sealed = cipher.seal(body, "dossier\n" + dossierId);
        return sealed.keyId() + ":" + sealed.ciphertext();
    }

    static String open(ProfileCipher cipher, String dossierId, String stored) {
        int colon = stored.indexOf(':');
        if (colon <= 0) {
            throw new IllegalStateException("dossier " + dossierId + ": its pending body is not sealed");
        }
        return cipher.open(new ProfileCipher.Sealed(stored.substring(0, colon), stored.substring(colon + 1)), "dossier\n" + dossierId);
    }
}
