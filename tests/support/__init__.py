"""What several test folders share: the test database, fakes at the edges, a console on it."""
