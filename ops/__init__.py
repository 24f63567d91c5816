"""What operators watch: health and readiness probes and Prometheus metrics.

Above the domain apps (it reads jobs, credits and webhook deliveries to count them) and beside the
web app; nothing imports it but the root URLconf.
"""
