package org.doudi.tekun;

import java.util.List;
import java.util.Optional;
import org.doudi.tekun.persistence.TekunPersonRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The support records of 特困 persons, read by other modules (care arrangements, standings). Written only inside this
 * module (recognition, re-assessment, termination).
 */
@Service
@Transactional(readOnly = true)
public class TekunPersons {

  private final TekunPersonRepository repository;

  public TekunPersons(TekunPersonRepository repository) {
    this.repository = repository;
  }

  public Optional<TekunPerson> find(long id) {
    return repository.find(id);
  }

  /** The person's current (not ENDED) support record. */
  public Optional<TekunPerson> current(String idNumber) {
    return idNumber == null ? Optional.empty() : repository.open(idNumber.strip().toUpperCase());
  }

  /** One page of the records in a region and below; {@code status} null for all. */
  public List<TekunPerson> inRegion(String regionCode, String status, int page, int size) {
    return repository.inRegion(regionCode, status, page * size, size);
  }
}
