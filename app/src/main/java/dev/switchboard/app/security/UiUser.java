package dev.switchboard.app.security;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A web UI login: a tenant's user, or the administrator. */
public record UiUser(String email, String passwordHash, Caller caller) implements UserDetails {

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(caller instanceof Caller.Admin ? "ROLE_ADMIN" : "ROLE_TENANT"));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    public boolean admin() {
        return caller instanceof Caller.Admin;
    }

    @Override
    public String toString() {
        return "UiUser[" + email + "]";
    }
}
