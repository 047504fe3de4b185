-- 95.1 has encrypted every contact phone and emptied the plaintext column; without the column no code
-- path can write a phone in clear again.
alter table org_organisation drop column contact_phone;
