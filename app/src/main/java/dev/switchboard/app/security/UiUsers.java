package dev.switchboard.app.security;

import dev.switchboard.core.access.AppUserRepository;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may log into the web UI: each tenant's users (email and password from tenant creation), and
 * the administrator ({@code SWITCHBOARD_ADMIN_EMAIL}/{@code _ADMIN_PASSWORD}; by default
 * {@code admin} and the admin token).
 */
@Component
class UiUsers implements UserDetailsService {

    private static final String DEFAULT_ADMIN_EMAIL = "admin";

    private final AppUserRepository users;
    private final String adminEmail;
    private final String adminPasswordHash;

    UiUsers(AppUserRepository users, AdminProperties admin, AdminToken adminToken, PasswordEncoder passwords) {
        this.users = users;
        this.adminEmail = admin.adminEmail() == null || admin.adminEmail().isBlank() ? DEFAULT_ADMIN_EMAIL : admin.adminEmail();
        this.adminPasswordHash = passwords.encode(admin.adminPassword() == null || admin.adminPassword().isBlank()
                ? adminToken.secret().reveal() : admin.adminPassword());
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String email) {
        if (adminEmail.equalsIgnoreCase(email)) {
            return new UiUser(adminEmail, adminPasswordHash, new Caller.Admin());
        }
        return users.findByEmail(email)
                .map(user -> new UiUser(user.getEmail(), user.getPasswordHash(),
                        new Caller.TenantUser(user.getTenantId(), user.getEmail())))
                .orElseThrow(() -> new UsernameNotFoundException("no such login"));
    }
}
