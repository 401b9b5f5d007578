module zosexport

go 1.18
