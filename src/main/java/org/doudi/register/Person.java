package org.doudi.register;

/** A person by ID number (18 characters, upper case X) and name. */
public record Person(String idNumber, String name) {

  public Person {
    idNumber = idNumber == null ? null : idNumber.strip().toUpperCase();
    name = name == null ? null : name.strip();
  }
}
