"""Job Networking Workbook: the pure core and the one door to the data (``core.store``)."""
