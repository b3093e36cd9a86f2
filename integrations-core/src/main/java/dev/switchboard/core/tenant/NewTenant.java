package dev.switchboard.core.tenant;

public record NewTenant(String slug, String name, String ownerEmail, String ownerPassword) {

    @Override
    public String toString() {
        return "NewTenant[slug=" + slug + ", name=" + name + ", ownerEmail=" + ownerEmail + "]";
    }
}
