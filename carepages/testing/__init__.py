"""What the tests and the benchmark run against: real servers (servers.py).

The helpers that read pages as a patient does are in carepages/core/testing.py;
the fixtures every app's tests share (site_structure, small_hospital, admin_client)
in carepages/conftest.py.
"""
