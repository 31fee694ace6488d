package id.lapor.intake;

import org.springframework.data.jpa.repository.JpaRepository;

interface ChannelMessages extends JpaRepository<ChannelMessage, String> {}
