package id.lapor.attachments;

import org.springframework.jdbc.core.JdbcTemplate;

/** Attachments in the {@code attachment_content} table: one backup holds everything. */
class DatabaseAttachmentStore implements AttachmentStore {

  private final JdbcTemplate jdbc;

  DatabaseAttachmentStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void put(String key, byte[] content) {
    jdbc.update("insert into attachment_content (storage_key, content) values (?, ?)", key, content);
  }

  @Override
  public byte[] get(String key) {
    return jdbc.queryForObject("select content from attachment_content where storage_key = ?", byte[].class, key);
  }

  @Override
  public void delete(String key) {
    jdbc.update("delete from attachment_content where storage_key = ?", key);
  }

  @Override
  public boolean transactional() {
    return true;
  }
}
