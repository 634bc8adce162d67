-- Who is away and who stands in, as the server's admins set them (mastermail-rules' AbsenceStore). Core keeps no
-- absences: a host with an HR system answers them from there instead.
create table server_absence (
  tenant_id uuid not null,
  user_id uuid not null,
  until_at timestamp with time zone,
  deputy_id uuid,
  primary key (tenant_id, user_id)
);
