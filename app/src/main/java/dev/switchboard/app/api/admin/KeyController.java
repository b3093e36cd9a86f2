package dev.switchboard.app.api.admin;

import dev.switchboard.core.vault.CredentialResealer;
import dev.switchboard.core.vault.VaultKeyset;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The credential keyset, for the administrator: list, rotate (re-sealing everything online), retire. */
@RestController
@RequestMapping("/api/v1/admin/keys")
class KeyController {

    record KeyView(int id, boolean primary, String status, long sealedValues) {
    }

    record Keys(String source, List<KeyView> keys) {
    }

    record Rotated(int primaryKeyId, int resealed) {
    }

    private final VaultKeyset keyset;
    private final CredentialResealer resealer;

    KeyController(VaultKeyset keyset, CredentialResealer resealer) {
        this.keyset = keyset;
        this.resealer = resealer;
    }

    @GetMapping
    Keys list() {
        Map<Integer, Long> usage = resealer.usage();
        return new Keys(keyset.source().describe(), keyset.keys().stream()
                .map(k -> new KeyView(k.id(), k.primary(), k.status(), usage.getOrDefault(k.id(), 0L)))
                .toList());
    }

    @PostMapping("/rotate")
    Rotated rotate() {
        CredentialResealer.Rotation rotation = resealer.rotate();
        return new Rotated(rotation.primaryKeyId(), rotation.resealed());
    }

    @PostMapping("/{keyId}/retire")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void retire(@PathVariable int keyId) {
        resealer.retire(keyId);
    }
}
