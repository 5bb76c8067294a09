-- VEX documents uploaded to a product (docs/server.md#vex): kept exactly as uploaded, content-addressed
-- within the product; their statements apply to the findings of every release of the product.
create table vex_documents (
    id           bigserial primary key,
    org_id       bigint not null references organisations (id),
    product_id   bigint not null references products (id),
    sha256       text not null,
    name         text not null,
    format       text not null,
    media_type   text not null,
    statements   integer not null,
    content      bytea not null,
    size         bigint not null,
    uploaded_by  text not null,
    uploaded_at  timestamptz not null,
    unique (product_id, sha256)
);
create index vex_documents_org on vex_documents (org_id, product_id);
