-- A worker that takes a tenant's waiting items of one kind along with the one it was given asks for
-- them oldest first (WorkQueue.claimMore). With only (tenant_id) indexed, that walked every due
-- item of every tenant in run_at order, or every item of the tenant, to find them: 1.5 ms a call,
-- the costliest statement of the end-to-end benchmark. This index serves it directly, and tenant
-- deletion's cascade as the old one did.
DROP INDEX work_item_tenant;
CREATE INDEX work_item_tenant_due ON work_item (tenant_id, kind, run_at);
