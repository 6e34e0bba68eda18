package org.doudi.review;

/** A review request or reported change the rules refuse (400 with the Chinese reason); nothing is stored. */
public class ReviewRefusedException extends RuntimeException {
  public ReviewRefusedException(String message) {
    super(message);
  }
}
